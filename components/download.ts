// Saving text as a file from an extension page (the popup, the report page): the browser's download handles the rest.

/** Excel reads a CSV as UTF-8 only with a byte-order mark (files only; copied text goes without one). */
export const CSV_BOM = '\ufeff';

/** Saves `text` as a file named `name`. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
