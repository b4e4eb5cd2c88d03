// "Test connection": a button and a live region that announces the result (what worked, or the worded error).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TestConnectionResponse } from '../utils/messaging/background-messages';
import type { RegistryError } from '../utils/registry/errors';
import { t } from '../utils/i18n';
import { ErrorMessage } from './error-message';

type State =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; ok: true; body: ComponentChildren }
  | { phase: 'done'; ok: false; error: RegistryError }
  | { phase: 'failed' };

/**
 * Runs `run` (which saves what is typed, then asks the background to test) and shows the outcome in an aria-live
 * region; `describe` words a success.
 */
export function TestConnection(props: {
  id: string;
  run: () => Promise<TestConnectionResponse | undefined>;
  describe: (answer: Extract<TestConnectionResponse, { ok: true }>['info']) => ComponentChildren;
  helpHref?: (anchor: string) => string;
  /** Bumped by the section whenever what would be tested changes (typing, switching, removing): clears the result. */
  reset?: number;
}) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  // A changed `reset` clears a shown result (not a test still running), adjusted during render.
  const [resetSeen, setResetSeen] = useState(props.reset);
  if (props.reset !== resetSeen) {
    setResetSeen(props.reset);
    if (state.phase !== 'running') setState({ phase: 'idle' });
  }
  const start = async () => {
    setState({ phase: 'running' });
    try {
      const answer = await props.run();
      if (!answer) return setState({ phase: 'idle' });
      setState(
        answer.ok
          ? { phase: 'done', ok: true, body: props.describe(answer.info) }
          : { phase: 'done', ok: false, error: answer.error },
      );
    } catch {
      setState({ phase: 'failed' });
    }
  };
  return (
    <div class="cl-test">
      <button
        type="button"
        onClick={start}
        disabled={state.phase === 'running'}
        aria-describedby={`${props.id}-result`}
      >
        {t('optionsTestConnection')}
      </button>
      <div
        id={`${props.id}-result`}
        class="cl-test-result"
        role="status"
        aria-live="polite"
        data-testid={`${props.id}-result`}
      >
        {state.phase === 'running' && <p>{t('optionsTesting')}</p>}
        {state.phase === 'failed' && <p class="cl-bad">{t('optionsTestNoAnswer')}</p>}
        {state.phase === 'done' && state.ok && <div class="cl-ok">{state.body}</div>}
        {state.phase === 'done' && !state.ok && <ErrorMessage error={state.error} helpHref={props.helpHref} />}
      </div>
    </div>
  );
}
