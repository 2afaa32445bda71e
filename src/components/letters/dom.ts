/**
 * Small browser helpers shared by the letter and call-log islands: status messages, file downloads
 * made in the page (nothing is uploaded), and printing only the tool.
 */

/** Shows a message in a role="status" element; cleared first so a repeat is announced again. */
export function announce(el: HTMLElement | null, message: string): void {
  if (!el) return;
  el.textContent = '';
  window.setTimeout(() => {
    el.textContent = message;
  }, 60);
}

/** Saves text as a file through a Blob URL: generated here, never sent to a server. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints the tool alone (see the print styles in LetterTool/CallLog), then restores the page. */
export function printTool(): void {
  const html = document.documentElement;
  html.classList.add('print-tool');
  window.addEventListener('afterprint', () => html.classList.remove('print-tool'), { once: true });
  window.print();
}

/** Shows the JavaScript-only parts of a tool and removes the note saying filling in needs JavaScript. */
export function reveal(root: HTMLElement): void {
  root.querySelector('[data-nojs]')?.remove();
  for (const el of root.querySelectorAll<HTMLElement>('[data-form], [data-tools], [data-js-only], [data-storage]')) {
    el.hidden = false;
  }
}
