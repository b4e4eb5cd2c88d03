import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** Copies `text` to the clipboard and says so (announced to screen readers). `label` names what is copied. */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="cl-copy">
      <button type="button" class="cl-button cl-small" onClick={copy} aria-label={label} title={label}>
        {children ?? t('popupCopy')}
      </button>
      <span class="cl-copy-state" role="status">
        {state === 'copied' ? t('popupCopied') : state === 'failed' ? t('popupCopyFailed') : ''}
      </span>
    </span>
  );
}
