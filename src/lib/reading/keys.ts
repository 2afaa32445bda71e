/**
 * The one thing stored on the reader's device: their 「大字」 choice. The pre-paint script in
 * Base.astro is written out from PRE_PAINT_SCRIPT, so both use the same key.
 */
export const TEXT_SIZE_KEY = 'cuishou:text-size';

/**
 * Runs in <head> before the first paint: marks that scripts run (controls that need them are shown)
 * and applies the stored text size, so a large-text reader never sees a small-text flash.
 */
export const PRE_PAINT_SCRIPT =
  `(function(d){d.dataset.js='';try{if(localStorage.getItem('${TEXT_SIZE_KEY}')==='large')d.dataset.text='large'}catch(e){}})(document.documentElement)`;

