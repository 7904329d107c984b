import { api, request } from '../api/http';
import type { Character } from '../api/types';

/** Imports a SillyTavern card (V1–V3, JSON or PNG) as a new private character. */
export async function importCard(file: File): Promise<Character> {
  const isPng = file.type === 'image/png' || file.name.toLowerCase().endsWith('.png');
  return api<Character>('/characters/import', { method: 'POST', body: file, contentType: isPng ? 'image/png' : 'application/json' });
}

/** Downloads the character's card (the server names the file). */
export async function exportCard(characterId: string, format: 'json' | 'png', spec: 'v2' | 'v3') {
  const response = await request(`/characters/${encodeURIComponent(characterId)}/card?format=${format}&spec=${spec}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${characterId}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
