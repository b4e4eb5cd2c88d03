// Words for the company views' enums (kinds, statuses, services), through t(). Shared by the popup and the card.
import type { IdentifierKind } from '../../utils/identifiers/types';
import type { CompanyStatus, OpenDataCompany, OpenDataStatus } from '../../utils/registry/domain';
import { t, type MessageKey } from '../../utils/i18n';

const KIND_KEYS: Record<IdentifierKind, MessageKey> = {
  kvk: 'popupKindKvk',
  'kvk-branch': 'popupKindKvkBranch',
  rsin: 'popupKindRsin',
  kbo: 'popupKindKbo',
  'kbo-establishment': 'popupKindKboEstablishment',
  vat: 'popupKindVat',
};

/** "KVK number", "VAT number", … */
export const kindLabel = (kind: IdentifierKind): string => t(KIND_KEYS[kind]);

const STATUS_KEYS: Record<CompanyStatus, MessageKey> = {
  active: 'popupStatusActive',
  inactive: 'popupStatusInactive',
  bankrupt: 'popupStatusBankrupt',
  unknown: 'popupStatusUnknown',
};

/** "Active", "Inactive", "Bankrupt", "Status unknown". */
export const statusLabel = (status: CompanyStatus): string => t(STATUS_KEYS[status]);

const OPEN_DATA_STATUS_KEYS: Record<Exclude<OpenDataStatus, 'insolvency'>, MessageKey> = {
  ...STATUS_KEYS,
  'suspension-of-payments': 'popupStatusSuspension',
  'debt-restructuring': 'popupStatusDebtRestructuring',
};

/** The open data's status in words; an insolvency code we do not know is named by its code. */
export const openDataStatusLabel = (company: Pick<OpenDataCompany, 'status' | 'insolvencyCode'>): string =>
  company.status === 'insolvency'
    ? t('popupStatusInsolvency', company.insolvencyCode ?? '?')
    : t(OPEN_DATA_STATUS_KEYS[company.status]);

/** The services' own names (not translated). */
export { SERVICE_NAMES } from '../../utils/error-messages';
