// Save a blob under a file name through a temporary link (no server round trip, works offline).
export function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // the browser has taken its copy once the click returns; revoke a little later for slow disks
  setTimeout(() => URL.revokeObjectURL(a.href), 2000);
}

export const jsonBlob = (text: string): Blob => new Blob([text], { type: 'application/json' });
export const csvBlob = (text: string): Blob => new Blob([text], { type: 'text/csv' });
