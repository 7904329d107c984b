import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describe } from '../ui/Status';

interface Props {
  characters: { id: string; name: string }[];
  generating: boolean;
  disabled: boolean;
  send: (content: string) => Promise<void>;
  interrupt: () => Promise<void>;
  typed: () => void;
}

/** The message box: Enter sends, Shift+Enter breaks the line, `@` offers the conversation's characters. */
export function Composer(props: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState(0);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes after a completion, set in the same task as the render so no keystroke lands before it.
  const caretAfterRender = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterRender.current === null || !box.current) return;
    box.current.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
    caretAfterRender.current = null;
  });

  const caret = box.current?.selectionStart ?? text.length;
  const mention = /@([^\s@]*)$/.exec(text.slice(0, caret));
  const options = mention
    ? props.characters.filter((c) => c.name.toLowerCase().startsWith(mention[1].toLowerCase()) || c.id.startsWith(mention[1].toLowerCase()))
    : [];
  const open = options.length > 0 && dismissedFor !== text;

  function complete(name: string) {
    const before = text.slice(0, caret).replace(/@[^\s@]*$/, `@${name} `);
    const next = before + text.slice(caret);
    caretAfterRender.current = before.length;
    setText(next);
    setChoice(0);
  }

  async function submit() {
    const content = text.trim();
    if (!content || busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.send(content);
      setText('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setChoice((c) => (c + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      complete(options[Math.min(choice, options.length - 1)].name);
    } else if (open && e.key === 'Escape') {
      e.preventDefault();
      setDismissedFor(text);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {error !== null && <p class="error" role="alert">{describe(error)}</p>}
      <div class="composer-row">
        <label class="visually-hidden" for="message-box">
          Message
        </label>
        <textarea
          id="message-box"
          ref={box}
          rows={2}
          value={text}
          maxLength={10000}
          disabled={props.disabled}
          placeholder="Message… (@ to address a character)"
          aria-expanded={open}
          aria-controls="mention-list"
          aria-autocomplete="list"
          aria-activedescendant={open ? `mention-${choice}` : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            props.typed();
          }}
          onKeyDown={onKeyDown}
        />
        {props.generating ? (
          <button type="button" class="interrupt" onClick={() => void props.interrupt().catch(setError)}>
            Stop
          </button>
        ) : null}
        <button type="submit" disabled={props.disabled || busy || !text.trim()}>
          Send
        </button>
      </div>
      {open && (
        <ul id="mention-list" class="mentions" role="listbox" aria-label="Characters">
          {options.map((c, i) => (
            <li
              id={`mention-${i}`}
              role="option"
              aria-selected={i === choice}
              onMouseDown={(e) => {
                e.preventDefault();
                complete(c.name);
              }}
            >
              @{c.name}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
