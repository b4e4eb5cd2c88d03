// Where the hover card goes: beside the number, kept on screen. Pure (numbers in, numbers out), unit-tested.

/** A rectangle in viewport coordinates (a DOMRect is one). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card's place: its top-left corner and which side of the anchor it took. */
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  align: 'start' | 'end';
}

/** Space between the number and the card, and between the card and the viewport's edges. */
export const CARD_GAP = 6;
export const CARD_MARGIN = 8;

/**
 * Places a card of `width` × `height` beside `anchor` in a viewport of `vw` × `vh`: below the line, or above it when
 * it does not fit below (else on the side with more room); left-aligned with the number, or right-aligned (flipped
 * left) when it would overflow on the right; always clamped inside the viewport's margins.
 */
export function placeCard(anchor: Box, width: number, height: number, vw: number, vh: number): Placement {
  const roomBelow = vh - CARD_MARGIN - (anchor.bottom + CARD_GAP);
  const roomAbove = anchor.top - CARD_GAP - CARD_MARGIN;
  const side = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
  let top = side === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - height;
  top = clamp(top, CARD_MARGIN, vh - CARD_MARGIN - height);

  const align = anchor.left + width <= vw - CARD_MARGIN ? 'start' : 'end';
  let left = align === 'start' ? anchor.left : anchor.right - width;
  left = clamp(left, CARD_MARGIN, vw - CARD_MARGIN - width);
  return { left: Math.round(left), top: Math.round(top), side, align };
}

/** `value` within [min, max]; `min` wins when the range is empty (a card larger than the viewport starts at the margin). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
