/**
 * Reading tools: 「大字」 (larger text, remembered on this device only; Base.astro applies it before
 * the first paint) and the 「朗读」 button, shown only when the browser has an on-device Chinese
 * voice. The read-aloud code itself (read-aloud.ts) loads on the first press.
 */
import { pickChineseVoice } from '../lib/reading/speech';
import { TEXT_SIZE_KEY } from '../lib/reading/keys';
// A self-contained bundle imported by URL: a bundled import() would add Vite's preload helper.
import readAloudUrl from './read-aloud.ts?worker&url';

const html = document.documentElement;

const toggles = document.querySelectorAll<HTMLButtonElement>('[data-text-toggle]');
const syncToggles = () => toggles.forEach((b) => b.setAttribute('aria-pressed', String(html.dataset.text === 'large')));
syncToggles();
toggles.forEach((b) =>
  b.addEventListener('click', () => {
    const large = html.dataset.text !== 'large';
    if (large) html.dataset.text = 'large';
    else delete html.dataset.text;
    try {
      if (large) localStorage.setItem(TEXT_SIZE_KEY, 'large');
      else localStorage.removeItem(TEXT_SIZE_KEY);
    } catch {
      // Storage blocked: the setting lasts for this page only.
    }
    syncToggles();
  }),
);

const synth = window.speechSynthesis as SpeechSynthesis | undefined;
const box = document.querySelector<HTMLElement>('[data-read-aloud]');
const play = box?.querySelector<HTMLButtonElement>('[data-read-play]');
if (synth && box && play && window.SpeechSynthesisUtterance) {
  const findVoice = () => {
    box.hidden = !pickChineseVoice(synth.getVoices());
  };
  findVoice();
  synth.addEventListener?.('voiceschanged', findVoice);
  const load = () => {
    play.removeEventListener('click', load);
    import(/* @vite-ignore */ readAloudUrl).catch(() => play.addEventListener('click', load));
  };
  play.addEventListener('click', load);
}
