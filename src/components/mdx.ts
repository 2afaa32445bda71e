/** The components MDX content may use without importing them. */
import Cite from './Cite.astro';
import Say from './Say.astro';
import Callout from './Callout.astro';
import Timeline from './Timeline.astro';
import Event from './Event.astro';
// Markdown headings get a link to themselves (the sharing issue's heading anchors).
import H2 from './share/H2.astro';
import H3 from './share/H3.astro';

export const mdxComponents = { Cite, Say, Callout, Timeline, Event, h2: H2, h3: H3 };
