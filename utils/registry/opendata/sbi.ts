// Dutch descriptions of common SBI codes (CBS's Standaard Bedrijfsindeling 2008), for the open data, which gives the
// codes only. A five-digit code without an entry of its own takes its four-digit class's description; a code we do
// not have is shown as the code alone.

const SBI: Record<string, string> = {
  '1071': 'Vervaardiging van brood en vers banketbakkerswerk',
  '4120': 'Algemene burgerlijke en utiliteitsbouw',
  '4321': 'Elektrotechnische bouwinstallatie',
  '4690': 'Niet-gespecialiseerde groothandel',
  '5020': 'Zee- en kustvaart (vracht)',
  '6201': 'Ontwikkelen, produceren en uitgeven van software',
  '6202': 'Advisering op het gebied van informatietechnologie',
  '6203': 'Beheer van computerfaciliteiten',
  '6209': 'Overige dienstverlening op het gebied van informatietechnologie',
  '6420': 'Financiële holdings',
  '6810': 'Handel in eigen onroerend goed',
  '6820': 'Verhuur van onroerend goed',
  '6831': 'Bemiddeling bij handel, huur en verhuur van onroerend goed',
  '6910': 'Rechtskundige dienstverlening',
  '6920': 'Accountancy, financiële administratie en belastingadvisering',
  '7010': 'Holdings (geen financiële)',
  '7022': 'Organisatie-adviesbureaus',
  '7111': 'Architecten',
  '7112': 'Ingenieurs en overig technisch ontwerp en advies',
  '7311': 'Reclamebureaus',
  '7490': 'Overige specialistische zakelijke dienstverlening',
  '7820': 'Uitzendbureaus',
  '8299': 'Overige zakelijke dienstverlening',
};

/** The Dutch description of an SBI code, or undefined when we have none. */
export function sbiDescription(code: string): string | undefined {
  return SBI[code] ?? (/^\d{5}$/.test(code) ? SBI[code.slice(0, 4)] : undefined);
}
