/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Note numbering of the page being rendered, set by the page before its MDX body renders. */
    notes?: import('./lib/cite/notes').NoteIndex;
  }
}
