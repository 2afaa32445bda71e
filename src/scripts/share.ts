/**
 * Share bar: copy this page's address (with a visible confirmation) and, where the browser has one,
 * open the system share sheet. The QR code needs no script (<details> + a lazy image).
 */

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http, older in-app browsers): copy from a selected text field.
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.className = 'sr-only';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

for (const bar of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const url = location.origin + location.pathname;
  const status = bar.querySelector<HTMLElement>('[data-share-status]')!;
  const copyButton = bar.querySelector<HTMLButtonElement>('[data-share-copy]')!;
  const nativeButton = bar.querySelector<HTMLButtonElement>('[data-share-native]')!;
  copyButton.hidden = false;
  copyButton.addEventListener('click', async () => {
    const ok = await copy(url);
    // Cleared first so a second click is announced again.
    status.textContent = '';
    status.textContent = ok ? '已复制链接，可以粘贴到微信或短信里发给别人。' : '没能自动复制，请长按地址栏里的网址复制。';
  });
  if (navigator.share) {
    nativeButton.hidden = false;
    nativeButton.addEventListener('click', () => {
      navigator.share({ title: bar.dataset.title, text: bar.dataset.text, url }).catch(() => {
        // Closing the share sheet rejects; nothing to tell the reader.
      });
    });
  }
}
