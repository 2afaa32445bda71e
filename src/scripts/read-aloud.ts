/**
 * 「朗读」, loaded when a reader first presses the button (src/scripts/reading.ts imports this bundle
 * by URL, so its code is not part of the page's first load). Reads the page body aloud with an
 * on-device Chinese voice, one short utterance at a time, with pause, resume and stop.
 */
import { pickChineseVoice, utterances } from '../lib/reading/speech';

const synth = window.speechSynthesis;
const box = document.querySelector<HTMLElement>('[data-read-aloud]')!;
const play = box.querySelector<HTMLButtonElement>('[data-read-play]')!;
const stop = box.querySelector<HTMLButtonElement>('[data-read-stop]')!;
let queue: string[] = [];
let state: 'idle' | 'playing' | 'paused' = 'idle';

const show = () => {
  play.textContent = state === 'playing' ? '暂停' : state === 'paused' ? '继续朗读' : '朗读';
  stop.hidden = state === 'idle';
};

/** Visible text blocks of the page body, skipping navigation, tools and notes. */
function paragraphs(): string[] {
  const root = document.querySelector('[data-read-root]') ?? document.querySelector('main article') ?? document.querySelector('main')!;
  const blocks = 'h1,h2,h3,h4,p,li,dt,dd,blockquote,th,td';
  return [...root.querySelectorAll<HTMLElement>(blocks)]
    .filter((el) => !el.closest('nav,.no-print,.notes,.sr-only,[hidden],[data-read-skip]') && !el.querySelector(blocks) && el.getClientRects().length)
    .map((el) => (el.textContent ?? '').replace(/\[\d+\]/g, ''));
}

function next() {
  const voice = pickChineseVoice(synth.getVoices());
  const text = queue.shift();
  if (!text || !voice) {
    state = 'idle';
    show();
    return;
  }
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.9;
  u.onend = () => state !== 'idle' && next();
  synth.speak(u);
}

function toggle() {
  if (state === 'idle') {
    synth.cancel();
    queue = utterances(paragraphs());
    state = 'playing';
    next();
  } else if (state === 'playing') {
    synth.pause();
    state = 'paused';
  } else {
    synth.resume();
    state = 'playing';
  }
  show();
}

play.addEventListener('click', toggle);
stop.addEventListener('click', () => {
  state = 'idle';
  queue = [];
  synth.cancel();
  show();
});
addEventListener('pagehide', () => synth.cancel());
// Loaded by the first press of 朗读: start reading now.
toggle();
