import { addressLines } from '../../utils/export/company-record';
import type { Address } from '../../utils/registry/domain';

/** A postal address, one line per line (text only, each line isolated for bidirectional text). */
export function AddressBlock({ address }: { address: Address }) {
  return (
    <address class="cl-address" data-testid="address">
      {addressLines(address).map((line, i) => (
        <span key={i}>
          <bdi>{line}</bdi>
          <br />
        </span>
      ))}
    </address>
  );
}
