/* cairo 1.16 looks up the character of every new glyph of every font subset in every PDF it writes
 * (`_cairo_sub_font_glyph_lookup_unicode`): it copies the font's (3,1) `cmap` subtable with
 * `FT_Load_Sfnt_Table` and scans its segments one by one, and when the glyph is not there (Arabic joining
 * forms, ligatures) it walks the FreeType face's whole character map. The answer is then thrown away whenever
 * the glyph comes with the text it stands for, which every glyph this tool draws does (Pango gives each glyph
 * its cluster's text): cairo takes the text over the font's answer. So the search is pure cost: 11.8 M
 * instructions per Chinese summary, 6.8 M per Arabic one, 1.8 M per English one (docs/performance.md, issue 19,
 * eighth round).
 *
 * This target defines `FT_Load_Sfnt_Table` for the whole process (the executable's definition comes first in
 * the dynamic linker's search, like `__snprintf_chk` in fast_format.c). A request for the `cmap` table made from
 * libcairo's code gets "table missing"; every other request, and every request from any other library
 * (Fontconfig, HarfBuzz) or from this program, goes to FreeType's function. cairo then asks the FreeType face's
 * active character map, which FreeTypeFaces.swift leaves unset, so the lookup ends at once with "no character".
 *
 * What changes in the PDF: nothing for a glyph drawn with a one-character text (the text wins either way).
 * A glyph drawn with a text of several characters (lam-alef: one glyph for two letters) used to be stored with
 * the font's answer (U+FEFB, a presentation form), which differs from its text, so cairo wrapped it in an
 * /ActualText span every time; it is now stored with its text (the first one it is drawn with), and only a
 * later, different text needs a span. A glyph first drawn without any text (inside a cluster of several glyphs)
 * gets its text from the first cluster that names it alone, as cairo already did for glyphs no cmap maps. */
#define _GNU_SOURCE
#include "cairo_cmap.h"

#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <string.h>

/* FreeType's types, spelled as the ABI has them, so this target needs no FreeType headers. */
typedef int (*load_sfnt_table_function)(void *face, unsigned long tag, long offset, unsigned char *buffer,
                                        unsigned long *length);
int FT_Load_Sfnt_Table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length);

#define TAG_CMAP 0x636d6170UL            /* 'cmap' */
#define FT_ERR_TABLE_MISSING 0x8E        /* FT_Err_Table_Missing */

static load_sfnt_table_function freetype_load_sfnt_table;
static uintptr_t cairo_code_start, cairo_code_end;

static int find_cairo(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size; (void)data;
    if (info->dlpi_name == NULL || strstr(info->dlpi_name, "/libcairo.so") == NULL) return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type == PT_LOAD && (segment->p_flags & PF_X)) {
            cairo_code_start = info->dlpi_addr + segment->p_vaddr;
            cairo_code_end = cairo_code_start + segment->p_memsz;
        }
    }
    return 1;
}

/* Before main, while the process has one thread; libcairo is loaded by then (the executable links it). */
__attribute__((constructor)) static void find_freetype_and_cairo(void) {
    freetype_load_sfnt_table = (load_sfnt_table_function)dlsym(RTLD_NEXT, "FT_Load_Sfnt_Table");
    dl_iterate_phdr(find_cairo, NULL);
}

static int hidden_from(uintptr_t caller, unsigned long tag) {
    return tag == TAG_CMAP && caller >= cairo_code_start && caller < cairo_code_end;
}

int FT_Load_Sfnt_Table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length) {
    if (hidden_from((uintptr_t)__builtin_return_address(0), tag)) return FT_ERR_TABLE_MISSING;
    if (freetype_load_sfnt_table == NULL) return FT_ERR_TABLE_MISSING;
    return freetype_load_sfnt_table(face, tag, offset, buffer, length);
}

int trialexport_cairo_cmap_hidden_active(void) {
    return dlsym(RTLD_DEFAULT, "FT_Load_Sfnt_Table") == (void *)FT_Load_Sfnt_Table
        && freetype_load_sfnt_table != NULL && cairo_code_start < cairo_code_end;
}

int trialexport_cmap_hidden_from_cairo(unsigned long tag) {
    return hidden_from(cairo_code_start, tag);
}

int trialexport_load_sfnt_table(void *face, unsigned long tag, unsigned char *buffer, unsigned long *length) {
    return FT_Load_Sfnt_Table(face, tag, 0, buffer, length);
}
