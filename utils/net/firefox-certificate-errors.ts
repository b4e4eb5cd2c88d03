// Firefox reports a refused server certificate to webRequest.onErrorOccurred as a sentence in its UI language (the
// message of the NSS or mozilla::pkix error code), not as the error's name: ChannelWrapper::GetErrorString,
// https://searchfox.org/mozilla-central/source/toolkit/components/extensions/webrequest/ChannelWrapper.cpp . Plain
// network failures do come as names (NS_ERROR_CONNECTION_REFUSED, NS_ERROR_PROXY_FORBIDDEN, …). These are the sentences
// of Firefox 153 ESR's nsserrors.properties (en-US in omni.ja, nl and fr in the language packs) for the error codes that
// mean the certificate was refused; the Firefox e2e suite compares them with the installed Firefox's own.

/** The NSS and mozilla::pkix error names that mean the server's certificate was refused. */
export const FIREFOX_CERTIFICATE_ERRORS = [
  'SSL_ERROR_BAD_CERT_DOMAIN',
  'SSL_ERROR_BAD_CERTIFICATE',
  'SEC_ERROR_BAD_SIGNATURE',
  'SEC_ERROR_EXPIRED_CERTIFICATE',
  'SEC_ERROR_REVOKED_CERTIFICATE',
  'SEC_ERROR_UNKNOWN_ISSUER',
  'SEC_ERROR_UNTRUSTED_ISSUER',
  'SEC_ERROR_UNTRUSTED_CERT',
  'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
  'SEC_ERROR_CA_CERT_INVALID',
  'SEC_ERROR_REVOKED_KEY',
  'SEC_ERROR_INADEQUATE_KEY_USAGE',
  'SEC_ERROR_INADEQUATE_CERT_TYPE',
  'SEC_ERROR_REVOKED_CERTIFICATE_CRL',
  'SEC_ERROR_REVOKED_CERTIFICATE_OCSP',
  'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED',
  'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE',
  'MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY',
  'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE',
  'MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH',
  'MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING',
  'MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG',
  'MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING',
  'MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING',
  'MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME',
  'MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED',
  'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
  'MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY',
  'MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED',
] as const;

/** One of FIREFOX_CERTIFICATE_ERRORS. */
export type FirefoxCertificateError = (typeof FIREFOX_CERTIFICATE_ERRORS)[number];

/** Firefox's sentence for each of those errors, by Firefox UI language. */
export const FIREFOX_CERTIFICATE_SENTENCES: Record<'en-US' | 'nl' | 'fr', Record<FirefoxCertificateError, string>> = {
  'en-US': {
    SSL_ERROR_BAD_CERT_DOMAIN:
      'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.',
    SSL_ERROR_BAD_CERTIFICATE: 'Unable to communicate securely with peer: peers’s certificate was rejected.',
    SEC_ERROR_BAD_SIGNATURE: 'Peer’s certificate has an invalid signature.',
    SEC_ERROR_EXPIRED_CERTIFICATE: 'Peer’s Certificate has expired.',
    SEC_ERROR_REVOKED_CERTIFICATE: 'Peer’s Certificate has been revoked.',
    SEC_ERROR_UNKNOWN_ISSUER: 'Peer’s Certificate issuer is not recognized.',
    SEC_ERROR_UNTRUSTED_ISSUER: 'Peer’s certificate issuer has been marked as not trusted by the user.',
    SEC_ERROR_UNTRUSTED_CERT: 'Peer’s certificate has been marked as not trusted by the user.',
    SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE:
      'The certificate issuer’s certificate has expired. Check your system date and time.',
    SEC_ERROR_CA_CERT_INVALID: 'Issuer certificate is invalid.',
    SEC_ERROR_REVOKED_KEY: 'The key for this site’s certificate has been revoked.',
    SEC_ERROR_INADEQUATE_KEY_USAGE: 'Certificate key usage inadequate for attempted operation.',
    SEC_ERROR_INADEQUATE_CERT_TYPE: 'Certificate type not approved for application.',
    SEC_ERROR_REVOKED_CERTIFICATE_CRL: 'Certificate is revoked in issuer’s certificate revocation list.',
    SEC_ERROR_REVOKED_CERTIFICATE_OCSP: 'Issuer’s OCSP responder reports certificate is revoked.',
    SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED:
      'The certificate was signed using a signature algorithm that is disabled because it is not secure.',
    MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE:
      'The server uses key pinning (HPKP) but no trusted certificate chain could be constructed that matches the pinset. Key pinning violations cannot be overridden.',
    MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY:
      'The server uses a certificate with a basic constraints extension identifying it as a certificate authority. For a properly-issued certificate, this should not be the case.',
    MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE:
      'The server presented a certificate with a key size that is too small to establish a secure connection.',
    MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA:
      'An X.509 version 1 certificate that is not a trust anchor was used to issue the server’s certificate. X.509 version 1 certificates are deprecated and should not be used to sign other certificates.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'The server presented a certificate that is not yet valid.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE:
      'A certificate that is not yet valid was used to issue the server’s certificate.',
    MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH:
      'The signature algorithm in the signature field of the certificate does not match the algorithm in its signatureAlgorithm field.',
    MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING:
      'The OCSP response does not include a status for the certificate being verified.',
    MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG: 'The server presented a certificate that is valid for too long.',
    MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING: 'A required TLS feature is missing.',
    MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING:
      'The server presented a certificate that contains an invalid encoding of an integer. Common causes include negative serial numbers, negative RSA moduli, and encodings that are longer than necessary.',
    MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME: 'The server presented a certificate with an empty issuer distinguished name.',
    MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED:
      'An additional policy constraint failed when validating this certificate.',
    MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'The certificate is not trusted because it is self-signed.',
    MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY:
      'The server presented insufficient certificate transparency information. Its certificate may not have been publicly disclosed, and it may have been misissued.',
    MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED:
      'The certificate authority that issued the certificate was distrusted before the certificate was issued.',
  },
  nl: {
    SSL_ERROR_BAD_CERT_DOMAIN:
      'Kan niet beveiligd communiceren met peer: opgevraagde domeinnaam komt niet overeen met het certificaat van de server.',
    SSL_ERROR_BAD_CERTIFICATE: 'Kan niet beveiligd communiceren met peer: certificaat van peer werd verworpen.',
    SEC_ERROR_BAD_SIGNATURE: 'Certificaat van peer heeft een ongeldige ondertekening.',
    SEC_ERROR_EXPIRED_CERTIFICATE: 'Certificaat van peer is verlopen.',
    SEC_ERROR_REVOKED_CERTIFICATE: 'Certificaat van peer is ingetrokken.',
    SEC_ERROR_UNKNOWN_ISSUER: 'Uitgever van certificaat van peer wordt niet herkend.',
    SEC_ERROR_UNTRUSTED_ISSUER: 'Certificaatuitgever van peer is aangemerkt als niet vertrouwd door de gebruiker.',
    SEC_ERROR_UNTRUSTED_CERT: 'Certificaat van peer is aangemerkt als niet vertrouwd door de gebruiker.',
    SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE:
      'Het certificaat van de certificaatuitgever is verlopen. Controleer uw systeemdatum en -tijd.',
    SEC_ERROR_CA_CERT_INVALID: 'Uitgeverscertificaat is ongeldig.',
    SEC_ERROR_REVOKED_KEY: 'De sleutel voor het certificaat van deze website is ingetrokken.',
    SEC_ERROR_INADEQUATE_KEY_USAGE: 'Certificaatsleutelgebruik ontoereikend voor geprobeerde bewerking.',
    SEC_ERROR_INADEQUATE_CERT_TYPE: 'Certificaattype niet goedgekeurd voor toepassing.',
    SEC_ERROR_REVOKED_CERTIFICATE_CRL: 'Certificaat is ingetrokken in certificaatintrekkingslijst van uitgever.',
    SEC_ERROR_REVOKED_CERTIFICATE_OCSP: 'OCSP-responder van uitgever meldt dat het certificaat is ingetrokken.',
    SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED:
      'Het certificaat is versleuteld via een ondertekeningsalgoritme dat is uitgeschakeld, omdat het onveilig is.',
    MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE:
      'De server gebruikt key pinning (HPKP), maar er kon geen vertrouwde certificaatketen worden geconstrueerd die met de pinset overeenkomt. Schendingen van key pinning kunnen niet worden genegeerd.',
    MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY:
      'De server gebruikt een certificaat met een extensie voor basisbeperkingen die deze identificeert als een certificaatautoriteit. Voor een correct uitgegeven certificaat hoort dit niet het geval te zijn.',
    MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE:
      'De server heeft een certificaat gepresenteerd met een te kleine sleutelgrootte om een beveiligde verbinding te maken.',
    MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA:
      'Voor het uitgeven van het certificaat van de server is een X.509 versie 1-certificaat gebruikt dat geen vertrouwensanker is. X.509 versie 1-certificaten worden niet meer ondersteund en kunnen beter niet voor het ondertekenen van andere certificaten worden gebruikt.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE:
      'De server heeft een certificaat gepresenteerd dat nog niet geldig is.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE:
      'Voor het uitgeven van het certificaat van de server is een certificaat gebruikt dat nog niet geldig is.',
    MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH:
      'Het ondertekeningsalgoritme in het ondertekeningsveld van het certificaat komt niet overeen met het algoritme in zijn veld ‘signatureAlgorithm’.',
    MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING:
      'Het OCSP-antwoord bevat geen status voor het certificaat dat wordt geverifieerd.',
    MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG: 'De server heeft een certificaat gepresenteerd dat te lang geldig is.',
    MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING: 'Er ontbreekt een vereiste TLS-functie.',
    MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING:
      'De server heeft een certificaat gepresenteerd dat een ongeldige codering van een integer bevat. Gebruikelijke oorzaken omvatten negatieve serienummers, negatieve RSA-moduli, en coderingen die langer zijn dan nodig.',
    MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME:
      'De server heeft een certificaat gepresenteerd met een lege DN-naam van de uitgever.',
    MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED:
      'Een aanvullende beleidsbeperking is mislukt bij het valideren van dit certificaat.',
    MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'Het certificaat wordt niet vertrouwd, omdat het zelfondertekend is.',
    MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY:
      'De server levert onvoldoende informatie over certificaattransparantie. Het certificaat is mogelijk niet openbaar gemaakt en mogelijk op een onjuiste manier uitgegeven.',
    MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED:
      'De certificaatautoriteit die het certificaat heeft uitgegeven, werd gewantrouwd voordat het certificaat werd uitgegeven.',
  },
  fr: {
    SSL_ERROR_BAD_CERT_DOMAIN:
      'Impossible de communiquer en mode sécurisé avec le pair : le nom de domaine demandé ne correspond pas au certificat du serveur.',
    SSL_ERROR_BAD_CERTIFICATE:
      'Impossible de communiquer en mode sécurisé avec le pair : le certificat du pair a été rejeté.',
    SEC_ERROR_BAD_SIGNATURE: 'Le certificat du pair a une signature invalide.',
    SEC_ERROR_EXPIRED_CERTIFICATE: 'Le certificat du pair a expiré.',
    SEC_ERROR_REVOKED_CERTIFICATE: 'Le certificat du pair a été révoqué.',
    SEC_ERROR_UNKNOWN_ISSUER: 'L’autorité de délivrance du certificat du pair n’est pas reconnue.',
    SEC_ERROR_UNTRUSTED_ISSUER:
      'L’autorité de délivrance du certificat du pair a été marquée comme non digne de confiance par l’utilisateur.',
    SEC_ERROR_UNTRUSTED_CERT: 'Le certificat du pair a été marqué comme non digne de confiance par l’utilisateur.',
    SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE:
      'Le certificat de l’autorité de délivrance du certificat a expiré. Vérifiez la date et l’heure de votre système.',
    SEC_ERROR_CA_CERT_INVALID: 'Le certificat de l’autorité de délivrance est invalide.',
    SEC_ERROR_REVOKED_KEY: 'La clé pour le certificat de ce site a été révoquée.',
    SEC_ERROR_INADEQUATE_KEY_USAGE: 'Utilisation de la clé de certificat inappropriée pour cette opération.',
    SEC_ERROR_INADEQUATE_CERT_TYPE: 'Type de certificat non approuvé pour l’application.',
    SEC_ERROR_REVOKED_CERTIFICATE_CRL: 'Le certificat est révoqué dans la liste de certificats révoqués de l’autorité.',
    SEC_ERROR_REVOKED_CERTIFICATE_OCSP: 'Le répondeur OCSP de l’autorité signale que le certificat est révoqué.',
    SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED:
      'Le certificat a été signé à l’aide d’un algorithme de signature qui est désactivé pour son manque de sûreté.',
    MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE:
      'Le serveur utilise le mécanisme de « key pinning » (HPKP) mais aucune chaîne de confiance pour les certificats n’a pu être établie pour correspondre au pinset. Les violations de « key pinning » ne peuvent pas être forcées.',
    MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY:
      'Le serveur utilise un certificat avec une extension de contraintes basiques qui l’identifie en tant qu’autorité de certification. Pour un certificat correctement émis cela ne devrait pas être le cas.',
    MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE:
      'Le serveur a présenté un certificat dont la taille de la clé est trop petite pour établir une connexion sécurisée.',
    MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA:
      'Un certificat X.509 version 1 qui n’est pas une ancre de confiance a été utilisé pour signer le certificat du serveur. Les certificats X.509 version 1 sont obsolètes et ne devraient pas être utilisés pour signer d’autres certificats.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'Le serveur a présenté un certificat qui n’est pas encore valide.',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE:
      'Un certificat qui n’est pas encore valide a été utilisé pour fournir le certificat du serveur.',
    MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH:
      'L’algorithme de signature présent dans le champ « signature » du certificat ne correspond pas à l’algorithme de son champ « signatureAlgorithm ».',
    MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING:
      'La réponse OCSP ne comporte pas d’état pour le certificat vérifié.',
    MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG: 'Le serveur a présenté un certificat qui reste valide trop longtemps.',
    MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING: 'Une fonctionnalité TLS nécessaire est manquante.',
    MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING:
      'Le serveur a présenté un certificat contenant un entier mal encodé. Les raisons les plus fréquentes sont des numéros de série négatifs, des modules RSA négatifs ou des encodages plus longs que nécessaire.',
    MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME:
      'Le serveur a présenté un certificat où le nom unique de l’autorité de délivrance est vide.',
    MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED:
      'Une contrainte de stratégie supplémentaire a échoué lors de la validation de ce certificat.',
    MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'Le certificat n’est pas sûr car il est auto-signé.',
    MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY:
      'Le serveur a présenté des informations de transparence du certificat insuffisantes. Son certificat peut ne pas avoir été rendu public et il peut avoir été émis par erreur.',
    MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED:
      'L’autorité de certification qui a délivré le certificat n’était plus digne de confiance avant l’émission du certificat.',
  },
};
