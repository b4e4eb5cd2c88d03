// Facts about the root certificate KVK's API chains to, shown on the help page so a user can check the file they trust.

/** The root's subject common name. */
export const KVK_ROOT_NAME = 'Staat der Nederlanden Private Root CA - G1';

/** Where its publisher (Logius, PKIoverheid) offers it for download. */
export const KVK_ROOT_DOWNLOAD_URL = 'https://cert.pkioverheid.nl/PrivateRootCA-G1.cer';

/** SHA-256 fingerprint of the DER certificate, as colon-separated hex pairs (how certificate viewers show it). */
export const KVK_ROOT_SHA256 =
  '02:57:CE:27:B5:24:08:E2:4E:E2:C0:94:56:40:B7:23:C5:BC:66:DD:BD:A4:AD:A5:8C:60:35:76:04:F0:E6:75';
