// ICU-free face of the ICU shim: Swift sees only these plain C functions, never ICU's own headers,
// because ICU's types clash with Foundation's private copy of ICU in any Swift module that sees both.
#ifndef PW_ICU_H
#define PW_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word-break iterator (UBRK_WORD, Dutch locale) over UTF-8 text. Not thread-safe: one per thread.
typedef struct pw_breaker pw_breaker;

/// Opens a breaker; NULL if ICU could not open one (missing data).
pw_breaker *pw_breaker_open(void);
void pw_breaker_close(pw_breaker *breaker);

/// Points the breaker at `length` bytes of UTF-8. The bytes are not copied and must stay alive while iterating.
/// Returns 0 on success, an ICU error code otherwise.
int32_t pw_breaker_set_text(pw_breaker *breaker, const uint8_t *utf8, int64_t length);

/// Fills up to `capacity` boundaries following the current one: byte offsets (exclusive segment ends)
/// and the ICU rule status of the segment that ends there (0 none, 100..199 number, 200..299 letter, ...).
/// Returns how many were written; 0 means the text is exhausted.
int32_t pw_breaker_fill(pw_breaker *breaker, int64_t *ends, int32_t *statuses, int32_t capacity);

/// NFKC_Casefold of UTF-8 input into `out`. Returns the UTF-8 length of the result (which may exceed
/// `capacity`: call again with a larger buffer), or -1 on error.
int32_t pw_casefold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

/// ICU confusable skeleton (UTS #39) of UTF-8 input. Same return convention as pw_casefold.
int32_t pw_skeleton(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

/// 1 if the scalar is a combining mark (general category Mn/Me/Mc), else 0.
int32_t pw_is_combining_mark(uint32_t scalar);

/// 1 if the scalar's UAX #29 Word_Break property is ALetter (letters that join like ASCII letters).
int32_t pw_is_word_letter(uint32_t scalar);

/// 1 if the scalar is Extended_Pictographic with Word_Break Other: an emoji that stands alone as a
/// segment unless a joiner, variation selector or modifier follows it.
int32_t pw_is_lone_pictograph(uint32_t scalar);

/// The ICU version string, e.g. "72.1".
const char *pw_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
