// An on/off switch: a real checkbox (keyboard, forms, screen readers) announced as a switch. It shows the new state at
// once and then follows the stored value.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

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
  // Follows the click at once; the stored value (props.checked) confirms it when the write lands.
  const [checked, setChecked] = useState(props.checked);
  useEffect(() => setChecked(props.checked), [props.checked]);
  return (
    <div class="cl-switch-row">
      <input
        type="checkbox"
        role="switch"
        class="cl-switch"
        id={props.id}
        checked={checked}
        disabled={props.disabled}
        aria-describedby={hintId}
        onChange={(e) => {
          const on = (e.currentTarget as HTMLInputElement).checked;
          setChecked(on);
          props.onChange(on);
        }}
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
