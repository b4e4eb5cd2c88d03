import type { NlActivity, NlBranch } from './catalogue-types';

// Helpers for writing the Dutch catalogue.

/** An SBI activity (main activity unless told otherwise). */
export const sbi = (sbiCode: string, sbiOmschrijving: string, hoofdactiviteit = true): NlActivity => ({
  sbiCode,
  sbiOmschrijving,
  hoofdactiviteit,
});

/** A main branch: commercial and active unless told otherwise. */
export const hoofd = (
  branch: Omit<NlBranch, 'hoofdvestiging' | 'commercieel' | 'active'> & Partial<NlBranch>,
): NlBranch => ({
  hoofdvestiging: true,
  commercieel: true,
  active: true,
  ...branch,
});

/** Text that would run as script if a card rendered company data as HTML. */
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';
