// An on/off switch: a real checkbox (keyboard, forms, screen readers) announced as a switch.
import type { ComponentChildren } from 'preact';

/** A labelled switch; `hint` is read as its description. */
export function Switch(props: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  hint?: string;
  disabled?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="cl-switch-row">
      <input
        type="checkbox"
        role="switch"
        class="cl-switch"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={hintId}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.children}</label>
      {props.hint && (
        <p class="cl-hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
