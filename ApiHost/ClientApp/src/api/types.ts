// The shapes of docs/api.md, as this client reads them.

export interface User {
  id: string;
  username: string;
  email: string;
  roles: string[];
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  dailyTokenQuota: number | null;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

export interface CharacterListItem {
  id: string;
  name: string;
  aliases: string[];
  ownerId: string;
  visibility: 'public' | 'private';
}

export interface ModelBinding {
  provider: string;
  model: string;
  temperature?: number | null;
  topP?: number | null;
  maxTokens?: number | null;
}

export interface Persona {
  name: string;
  aliases: string[];
  description: string;
  gender: string;
  background: string;
  personalities: string[];
  roles: string[];
  tones: string[];
  speakingStyle: string;
  politeness: number;
  verbosity: 'brief' | 'medium' | 'detailed';
  emojiUse: 'none' | 'sparing' | 'frequent';
  exampleDialogue: string;
  greetings: string[];
  talkativeness: number;
  keywords: string[];
  tools: string[];
  knowledgeNamespaces: string[];
  model: ModelBinding | null;
  promptTemplate: string | null;
  systemPrompt: string | null;
  postHistoryInstructions: string | null;
  scenario: string | null;
  fallbackLine: string | null;
}

export interface Character {
  id: string;
  persona: Persona;
  ownerId: string;
  visibility: 'public' | 'private';
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  hasAvatar: boolean;
}

export interface CharacterVersion {
  version: number;
  persona: Persona;
  changedBy: string;
  changedAt: string;
}

export const emotionNames = ['joy', 'trust', 'fear', 'surprise', 'sadness', 'disgust', 'anger', 'anticipation'] as const;
export type EmotionName = (typeof emotionNames)[number];
export type Emotions = Record<EmotionName, number>;

export interface EmotionState {
  emotions: Emotions;
  dominant: string;
  tone: string;
  trend: string;
}

export interface Growth {
  xp: number;
  level: number;
  nextLevelXp: number;
  thumbsUp: number;
  thumbsDown: number;
  conversations: number;
  unlocked: string[];
}

export interface AssociationNode {
  id: number;
  name: string;
  distance: number;
  strength: number;
}

export interface Associations {
  center: string | null;
  depth: number;
  threshold: number;
  nodes: AssociationNode[];
  edges: { source: number; target: number; strength: number }[];
}

export interface Memory {
  id: string;
  tier: string;
  characterId: string;
  text: string;
  importance: number;
  score: number;
  createdAt: string;
}

export type Policy = 'natural' | 'list' | 'pooled' | 'all' | 'manual';

export interface Conversation {
  id: string;
  title: string;
  policy: Policy;
  maxAutoTurns: number;
  characters: { id: string; name: string }[];
  humans: { id: string; name: string }[];
  ownerId: string;
  createdAt: string;
  lastSeq: number;
  isGenerating: boolean;
}

export type MessageStatus = 'streaming' | 'complete' | 'interrupted' | 'failed';

export interface Message {
  id: string;
  conversationId: string;
  index: number;
  speakerKind: 'human' | 'character' | 'system';
  speakerId: string;
  speakerName: string;
  content: string;
  status: MessageStatus;
  createdAt: string;
  error?: string | null;
}

interface EventBase {
  conversationId: string;
  seq: number;
  at: string;
}

export type ConversationEvent = EventBase &
  (
    | { type: 'message_start'; messageId: string; index: number; speakerKind: Message['speakerKind']; speakerId: string; speakerName: string }
    | { type: 'message_chunk' | 'thinking'; messageId: string; delta: string }
    | { type: 'message_complete'; message: Message }
    | { type: 'complete_state'; humanMessageId: string; reason: string; replyIds: string[] }
    | { type: 'error'; code: string; message: string; messageId?: string }
    | { type: 'resync'; afterSeq: number }
    | { type: 'emotion_changed'; characterId: string; emotions: Emotions; dominant: string }
    | { type: 'level_up'; characterId: string; level: number; unlocked: string[] }
    | { type: 'thread_summarized'; summaryId: string; firstIndex: number; lastIndex: number }
    | { type: 'tool_call' | 'tool_result'; messageId: string }
  );

export interface AdminUserPage {
  users: User[];
  total: number;
  offset: number;
  limit: number;
}

export interface Silo {
  name: string;
  address: string;
  version: string;
  status: string;
  uptimeSeconds: number;
  activations: number;
  activationsByGrainType: Record<string, number>;
}
