#ifndef TRIALEXPORT_CAIRO_SFNT_H
#define TRIALEXPORT_CAIRO_SFNT_H

/* This target replaces FreeType's `FT_Load_Sfnt_Table` for the whole process: libcairo's requests for a font's
 * `cmap` table get "table missing", which ends cairo 1.16's reverse character lookup for every new glyph of a
 * PDF font subset (its answer loses to the glyph's text anyway); every other request goes to FreeType. See
 * cairo_sfnt.c and docs/performance.md, issue 19 eighth round.
 *
 * It also makes cairo embed each registered face (the script faces) as one CID font, without the separate
 * WinAnsi font cairo 1.16 makes for glyphs whose text is one Latin-1 character: see cairo_sfnt.c. */

/* Whether `FT_Load_Sfnt_Table` as the dynamic linker resolves it is this target's, FreeType's was found behind
 * it and libcairo's code was located (1), or not (0). */
int trialexport_cairo_cmap_hidden_active(void);

/* Whether a request for table `tag` made from libcairo's code would be refused (1) or passed on (0). */
int trialexport_cmap_hidden_from_cairo(unsigned long tag);

/* `FT_Load_Sfnt_Table(face, tag, offset, buffer, length)` called from outside libcairo, as Fontconfig calls it. */
int trialexport_load_sfnt_table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length);

/* Registers an `FT_Face` whose glyphs cairo should embed as one CID font (no separate WinAnsi font). */
void trialexport_cairo_one_font_per_face(const void *face);

/* Registers an `FT_Face` read from a plain sfnt file held in memory at `base` (`size` bytes, for as long as the face
 * lives): libcairo's reads inside its tables are then copied from there instead of going through FreeType. 1 when
 * registered (or already), 0 when the bytes are not a plain sfnt file (a collection, a damaged directory). */
int trialexport_cairo_face_bytes(const void *face, const unsigned char *base, unsigned long size);

/* 1 while this thread's cairo embeds a document's fonts (`cairo_surface_finish`), 0 after. */
void trialexport_cairo_embedding_fonts(int on);

/* `FT_Load_Sfnt_Table(face, tag, offset, buffer, length)` as answered to libcairo (for the tests). */
int trialexport_load_sfnt_table_as_cairo(void *face, unsigned long tag, long offset, unsigned char *buffer,
                                         unsigned long *length);

#endif
