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
 * gets its text from the first cluster that names it alone, as cairo already did for glyphs no cmap maps.
 *
 * ONE PDF FONT PER SCRIPT FACE. cairo 1.16 splits every TrueType font it embeds in two: glyphs whose text is one
 * WinAnsi character go to a simple "latin" font, the rest to a CID font. That suits Latin text, but in an
 * Arabic or Chinese line the spaces, digits and punctuation the script face draws land in the latin font, so
 * the content stream switches fonts (`Tf`, a new `TJ`) around every space: in an Arabic A4 handout 1,167 of
 * about 1,600 font switches were that, and each handout carried two extra fonts. cairo makes no latin font for
 * a CID-keyed CFF font, and learns which fonts are by reading the font's `CFF ` table when a handout first uses
 * it (`_cairo_cff_scaled_font_is_cid_cff`, called from `_cairo_sub_font_create` only). So for the faces
 * FreeTypeFaces registers (the script faces: Arabic, Hebrew, Devanagari, Chinese; never the main fonts, whose
 * bytes stay as they were), a request from libcairo for a `CFF ` table the face does not have gets a 22-byte
 * CFF table that says "CID-keyed", while pages are drawn. While fonts are embedded (`PDFCanvas.finish` sets
 * `trialexport_cairo_embedding_fonts`), cairo's CFF subsetter gets FreeType's answer (no such table) and
 * embeds the face as TrueType, as before; should it ever read the 22 bytes, their CharStrings lie past the
 * end and it gives up the same way ("unsupported"), so the worst a newer cairo can do is keep its latin fonts.
 * A face that really has a `CFF ` table always gets it. */

#define _GNU_SOURCE
#include "cairo_sfnt.h"

#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* FreeType's types, spelled as the ABI has them, so this target needs no FreeType headers. */
typedef int (*load_sfnt_table_function)(void *face, unsigned long tag, long offset, unsigned char *buffer,
                                        unsigned long *length);
int FT_Load_Sfnt_Table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length);

#define TAG_CMAP 0x636d6170UL            /* 'cmap' */
#define TAG_CFF 0x43464620UL             /* 'CFF ' */
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

static int from_cairo(uintptr_t caller) { return caller >= cairo_code_start && caller < cairo_code_end; }

static __thread int embedding_fonts;

/* THE REGISTERED FACES, one entry per FreeType face: whether cairo embeds it as one CID font (the script faces),
 * and, for a face opened from a plain sfnt file in memory, its bytes and table directory (see "Tables read from
 * memory" below). A few per font setup slot, registered once when opened and never removed (FreeTypeFaces keeps
 * faces for the life of the process): entries are added under a lock and published by the count, a flag is
 * set atomically, so readers take no lock. */
#define MAX_FACES 256
#define MAX_TABLES 64
struct sfnt_table { uint32_t tag, offset, length; };
struct registered_face {
    const void *face;
    int one_font;                      /* read and set atomically */
    int table_count;                   /* 0 without bytes */
    struct sfnt_table tables[MAX_TABLES];
    const unsigned char *base;
};
static struct registered_face faces[MAX_FACES];
static int face_count;
static pthread_mutex_t face_lock = PTHREAD_MUTEX_INITIALIZER;

static struct registered_face *find_face(const void *face) {
    int n = __atomic_load_n(&face_count, __ATOMIC_ACQUIRE);
    for (int i = 0; i < n; i++) if (faces[i].face == face) return &faces[i];
    return NULL;
}

/* The entry for `face`, added (empty) when missing; called with face_lock held. NULL when the registry is full:
 * the face then keeps FreeType's answers and cairo's latin font, the output before this registry existed. */
static struct registered_face *entry_for(const void *face) {
    struct registered_face *entry = find_face(face);
    int n = __atomic_load_n(&face_count, __ATOMIC_RELAXED);
    if (entry != NULL || n == MAX_FACES) return entry;
    faces[n] = (struct registered_face){ .face = face };
    __atomic_store_n(&face_count, n + 1, __ATOMIC_RELEASE);
    return &faces[n];
}

static int registered(const void *face) {
    struct registered_face *entry = find_face(face);
    return entry != NULL && __atomic_load_n(&entry->one_font, __ATOMIC_ACQUIRE);
}

void trialexport_cairo_one_font_per_face(const void *face) {
    if (face == NULL) return;
    pthread_mutex_lock(&face_lock);
    struct registered_face *entry = entry_for(face);
    if (entry != NULL) __atomic_store_n(&entry->one_font, 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&face_lock);
}

void trialexport_cairo_embedding_fonts(int on) { embedding_fonts = on; }

/* Header 1.0 (header size 4, offset size 1); Name INDEX: one name, "A"; Top DICT INDEX: one DICT, `0 0 0 ROS`
 * (12 30: CID-keyed) and `22 CharStrings` (17): an offset at the table's end, where no INDEX fits. */
static const unsigned char cid_keyed_cff[22] = {
    0x01, 0x00, 0x04, 0x01,
    0x00, 0x01, 0x01, 0x01, 0x02, 'A',
    0x00, 0x01, 0x01, 0x01, 0x08, 139, 139, 139, 0x0c, 0x1e, 139 + 22, 0x11,
};

/* TABLES READ FROM MEMORY. cairo's TrueType subsetter reads each glyph of a subset with two calls (its `glyf`
 * data, its `hmtx` entry), and FreeType's function looks its table service up by name on every call before it
 * copies from the font file it has mapped: about 1,300 instructions a call, 3.9 M per Chinese summary. A face
 * FreeTypeFaces opened from a plain sfnt file in memory is registered with its bytes and table directory, and
 * libcairo's reads that lie inside one of its tables are copied from there, as FreeType would copy them
 * (`tt_face_load_any`); anything else (another caller, a tag the file lacks, a read past the table's end, a
 * collection) still goes to FreeType. */
static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

int trialexport_cairo_face_bytes(const void *face, const unsigned char *base, unsigned long size) {
    if (face == NULL || base == NULL || size < 12) return 0;
    uint32_t version = be32(base);
    if (version != 0x00010000u && version != 0x4F54544Fu /* OTTO */ && version != 0x74727565u /* true */) return 0;
    int count = base[4] << 8 | base[5];
    if (count == 0 || count > MAX_TABLES || 12 + 16ul * (unsigned long)count > size) return 0;
    struct sfnt_table tables[MAX_TABLES];
    for (int i = 0; i < count; i++) {
        const unsigned char *record = base + 12 + 16 * i;
        struct sfnt_table t = { be32(record), be32(record + 8), be32(record + 12) };
        if ((unsigned long)t.offset > size || (unsigned long)t.length > size - t.offset) return 0;
        tables[i] = t;
    }
    pthread_mutex_lock(&face_lock);
    struct registered_face *entry = entry_for(face);
    /* Bytes are set once, before `table_count` publishes them. */
    if (entry != NULL && __atomic_load_n(&entry->table_count, __ATOMIC_RELAXED) == 0) {
        memcpy(entry->tables, tables, sizeof tables[0] * (size_t)count);
        entry->base = base;
        __atomic_store_n(&entry->table_count, count, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&face_lock);
    return entry != NULL;
}

/* The table `tag` of a face registered with its bytes, and those bytes; NULL otherwise. */
static const struct sfnt_table *registered_table(const void *face, unsigned long tag, const unsigned char **base) {
    struct registered_face *entry = find_face(face);
    int count = entry ? __atomic_load_n(&entry->table_count, __ATOMIC_ACQUIRE) : 0;
    for (int k = 0; k < count; k++) {
        if (entry->tables[k].tag == tag) {
            *base = entry->base;
            return &entry->tables[k];
        }
    }
    return NULL;
}

/* A read of `tag` at `offset` answered from memory: 1 when done (result in *status), 0 for FreeType's. */
static int read_from_memory(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length,
                            int *status) {
    if (tag == 0 || offset < 0 || length == NULL) return 0;
    const unsigned char *base;
    const struct sfnt_table *table = registered_table(face, tag, &base);
    if (table == NULL) return 0;
    if (*length == 0) {
        /* FreeType gives the table's length for a zero length, whatever the offset. */
        *length = table->length;
        *status = 0;
        return 1;
    }
    if (buffer == NULL || (unsigned long)offset > table->length || *length > table->length - (unsigned long)offset) return 0;
    memcpy(buffer, base + table->offset + offset, *length);
    *status = 0;
    return 1;
}

static int answer(uintptr_t caller, void *face, unsigned long tag, long offset, unsigned char *buffer,
                  unsigned long *length) {
    if (freetype_load_sfnt_table == NULL) return FT_ERR_TABLE_MISSING;
    if (from_cairo(caller)) {
        if (tag == TAG_CMAP) return FT_ERR_TABLE_MISSING;
        int status;
        if (tag != TAG_CFF && read_from_memory(face, tag, offset, buffer, length, &status)) return status;
        if (tag == TAG_CFF && !embedding_fonts && offset == 0 && length != NULL && registered(face)) {
            unsigned long real = 0;
            if (freetype_load_sfnt_table(face, tag, 0, NULL, &real) != 0) {
                if (buffer == NULL) {
                    *length = sizeof cid_keyed_cff;
                    return 0;
                }
                if (*length > sizeof cid_keyed_cff) return FT_ERR_TABLE_MISSING;
                memcpy(buffer, cid_keyed_cff, *length);
                return 0;
            }
        }
    }
    return freetype_load_sfnt_table(face, tag, offset, buffer, length);
}

int FT_Load_Sfnt_Table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length) {
    return answer((uintptr_t)__builtin_return_address(0), face, tag, offset, buffer, length);
}

int trialexport_cairo_cmap_hidden_active(void) {
    return dlsym(RTLD_DEFAULT, "FT_Load_Sfnt_Table") == (void *)FT_Load_Sfnt_Table
        && freetype_load_sfnt_table != NULL && cairo_code_start < cairo_code_end;
}

int trialexport_cmap_hidden_from_cairo(unsigned long tag) {
    return tag == TAG_CMAP && from_cairo(cairo_code_start);
}

int trialexport_load_sfnt_table(void *face, unsigned long tag, long offset, unsigned char *buffer, unsigned long *length) {
    return FT_Load_Sfnt_Table(face, tag, offset, buffer, length);
}

int trialexport_load_sfnt_table_as_cairo(void *face, unsigned long tag, long offset, unsigned char *buffer,
                                         unsigned long *length) {
    return answer(cairo_code_start, face, tag, offset, buffer, length);
}
