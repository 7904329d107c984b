import { useState } from 'preact/hooks';
import { Avatar } from '../characters/avatars';
import { AssociationGraph } from '../graph/AssociationGraph';
import { EmotionBars } from './EmotionBars';
import type { EventBus } from './EventBus';
import { GrowthView } from './GrowthView';
import { MemoriesView } from './MemoriesView';

/** Beside a conversation: one tab per character, with its emotions, growth, memories of me and its association graph. */
export function CharacterPanel(props: { characters: { id: string; name: string }[]; bus: EventBus; topic: string; live: boolean; ratings: number }) {
  const [selected, setSelected] = useState(props.characters[0]?.id);
  const [open, setOpen] = useState(false);
  const character = props.characters.find((c) => c.id === selected) ?? props.characters[0];
  if (!character) return null;

  // Tabs as the ARIA pattern has them: arrow keys move between characters, Tab moves on to the panel.
  function onTabKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = props.characters.findIndex((c) => c.id === character!.id);
    const next = props.characters[(at + (e.key === 'ArrowRight' ? 1 : props.characters.length - 1)) % props.characters.length];
    setSelected(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }
  return (
    <aside class={`side-panel ${open ? 'open' : ''}`} aria-label="Character panel">
      <button type="button" class="panel-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide character panel' : 'Show character panel'}
      </button>
      <div class="panel-body">
        <div role="tablist" aria-label="Characters" class="tabs" onKeyDown={onTabKey}>
          {props.characters.map((c) => (
            <button
              type="button"
              role="tab"
              id={`tab-${c.id}`}
              aria-selected={c.id === character.id}
              tabIndex={c.id === character.id ? 0 : -1}
              aria-controls="character-tabpanel"
              onClick={() => setSelected(c.id)}
            >
              <Avatar characterId={c.id} name={c.name} /> {c.name}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="character-tabpanel" aria-labelledby={`tab-${character.id}`} key={character.id}>
          <EmotionBars characterId={character.id} bus={props.bus} />
          <GrowthView characterId={character.id} bus={props.bus} ratings={props.ratings} />
          <MemoriesView characterId={character.id} bus={props.bus} />
          <AssociationGraph characterId={character.id} bus={props.bus} topic={props.topic} drawNow={props.live} />
        </div>
      </div>
    </aside>
  );
}
