// Messages between the background and the card in a tab's content script (zod-free: the content script imports it).
import { IDENTIFIER_KINDS, type IdentifierKind } from '../identifiers/types';

/** The background asks a frame's content script to open the card for a number at the current selection. */
export interface OpenCardRequest {
  type: 'company-lens:open-card';
  kind: IdentifierKind;
  value: string;
}

/** The content script's answer: `opened` false when it cannot place a card (site switched off, no document). */
export interface OpenCardResponse {
  opened: boolean;
}

/** The message type of OpenCardRequest. */
export const OPEN_CARD = 'company-lens:open-card';

/** True for a well-formed OpenCardRequest. */
export function isOpenCardRequest(message: unknown): message is OpenCardRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === OPEN_CARD &&
    typeof m.kind === 'string' &&
    (IDENTIFIER_KINDS as readonly string[]).includes(m.kind) &&
    typeof m.value === 'string' &&
    /^[0-9A-Z+*]{2,20}$/.test(m.value)
  );
}
