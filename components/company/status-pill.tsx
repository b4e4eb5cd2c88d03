import type { CompanyStatus } from '../../utils/registry/domain';
import { statusLabel } from './labels';

/** The registry status as a coloured pill: active, inactive, bankrupt or unknown. */
export function StatusPill({ status }: { status: CompanyStatus }) {
  return (
    <span class={`cl-pill cl-pill-${status}`} data-testid="status">
      {statusLabel(status)}
    </span>
  );
}
