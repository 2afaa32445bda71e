/** The components MDX content may use without importing them. */
import Cite from './Cite.astro';
import Say from './Say.astro';
import Callout from './Callout.astro';
import Timeline from './Timeline.astro';
import Event from './Event.astro';

export const mdxComponents = { Cite, Say, Callout, Timeline, Event };
