/**
 * Saves `text` as a file the browser downloads (a calendar, a spreadsheet): a Blob URL on a
 * temporary link, revoked a second later. CSV for Excel/WPS carries its UTF-8 BOM in `text`.
 */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
