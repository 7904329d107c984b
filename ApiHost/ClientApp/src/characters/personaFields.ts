import type { Persona } from '../api/types';

export type FieldKind = 'line' | 'text' | 'list' | 'optional';

/** The persona's fields as the editor shows them (docs/api.md, Characters: Persona), in reading order. */
export const personaFields: { key: keyof Persona; label: string; kind: FieldKind }[] = [
  { key: 'name', label: 'Name', kind: 'line' },
  { key: 'aliases', label: 'Aliases (one per line)', kind: 'list' },
  { key: 'description', label: 'Description', kind: 'text' },
  { key: 'gender', label: 'Gender', kind: 'line' },
  { key: 'background', label: 'Background', kind: 'text' },
  { key: 'personalities', label: 'Personality traits (one per line)', kind: 'list' },
  { key: 'roles', label: 'Roles (one per line)', kind: 'list' },
  { key: 'tones', label: 'Tones (one per line)', kind: 'list' },
  { key: 'speakingStyle', label: 'Speaking style', kind: 'text' },
  { key: 'exampleDialogue', label: 'Example dialogue', kind: 'text' },
  { key: 'greetings', label: 'Greetings (one per line)', kind: 'list' },
  { key: 'keywords', label: 'Keywords that call on this character (one per line)', kind: 'list' },
  { key: 'tools', label: 'Tools (one per line)', kind: 'list' },
  { key: 'knowledgeNamespaces', label: 'Knowledge namespaces (one per line)', kind: 'list' },
  { key: 'scenario', label: 'Scenario', kind: 'optional' },
  { key: 'systemPrompt', label: 'System prompt', kind: 'optional' },
  { key: 'promptTemplate', label: 'Prompt template', kind: 'optional' },
  { key: 'postHistoryInstructions', label: 'Post-history instructions', kind: 'optional' },
  { key: 'fallbackLine', label: 'Fallback line (said when the model fails)', kind: 'optional' },
];

export const emptyPersona: Persona = {
  name: '',
  aliases: [],
  description: '',
  gender: '',
  background: '',
  personalities: [],
  roles: [],
  tones: [],
  speakingStyle: '',
  politeness: 2,
  verbosity: 'medium',
  emojiUse: 'sparing',
  exampleDialogue: '',
  greetings: [],
  talkativeness: 0.5,
  keywords: [],
  tools: [],
  knowledgeNamespaces: [],
  model: null,
  promptTemplate: null,
  systemPrompt: null,
  postHistoryInstructions: null,
  scenario: null,
  fallbackLine: null,
};

/** Reads the editor's form back into a persona. */
export function personaFrom(form: FormData): Persona {
  const text = (name: string) => String(form.get(name) ?? '');
  const persona: Record<string, unknown> = {};
  for (const field of personaFields) {
    const value = text(field.key);
    if (field.kind === 'list') persona[field.key] = value.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (field.kind === 'optional') persona[field.key] = value.trim() ? value : null;
    else persona[field.key] = value;
  }
  const number = (name: string) => (text(name).trim() === '' ? null : Number(text(name)));
  const provider = text('model.provider').trim();
  return {
    ...(persona as unknown as Persona),
    politeness: Number(text('politeness')),
    verbosity: text('verbosity') as Persona['verbosity'],
    emojiUse: text('emojiUse') as Persona['emojiUse'],
    talkativeness: Number(text('talkativeness')),
    model: provider
      ? { provider, model: text('model.model').trim(), temperature: number('model.temperature'), topP: number('model.topP'), maxTokens: number('model.maxTokens') }
      : null,
  };
}

/** What changed between two versions, field by field, as display text. */
export function personaChanges(before: Persona, after: Persona): { field: string; before: string; after: string }[] {
  const show = (value: unknown) => (value === null || value === undefined ? '—' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return (Object.keys(after) as (keyof Persona)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ field: key, before: show(before[key]), after: show(after[key]) }));
}
