#include "pw_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct pw_breaker {
    UBreakIterator *iterator;
    UText text;
};

pw_breaker *pw_breaker_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "nl", NULL, 0, &status);
    // U_USING_DEFAULT_WARNING is negative: every code below zero is success.
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    pw_breaker *breaker = calloc(1, sizeof(pw_breaker));
    if (breaker == NULL) { ubrk_close(iterator); return NULL; }
    breaker->iterator = iterator;
    UText initial = UTEXT_INITIALIZER;
    breaker->text = initial;
    return breaker;
}

void pw_breaker_close(pw_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    utext_close(&breaker->text);
    free(breaker);
}

int32_t pw_breaker_set_text(pw_breaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    static const char empty[1] = {0};
    const char *bytes = utf8 != NULL ? (const char *)utf8 : empty;
    utext_openUTF8(&breaker->text, bytes, length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(breaker->iterator, &breaker->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_first(breaker->iterator);
    return 0;
}

int32_t pw_breaker_fill(pw_breaker *breaker, int64_t *ends, int32_t *statuses, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = ubrk_next(breaker->iterator);
        if (end == UBRK_DONE) break;
        ends[count] = end;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    return count;
}


static const UNormalizer2 *casefold_instance(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    return U_FAILURE(status) ? NULL : normalizer;
}

// UTF-8 -> UTF-16 into a caller buffer or the heap; returns NULL on failure.
static UChar *to_utf16(const uint8_t *utf8, int32_t length, UChar *stack, int32_t stackCapacity, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8WithSub(stack, stackCapacity, &needed, (const char *)utf8, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || needed > stackCapacity) {
        UChar *heap = malloc(sizeof(UChar) * (size_t)(needed + 1));
        if (heap == NULL) return NULL;
        status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(heap, needed + 1, &needed, (const char *)utf8, length, 0xFFFD, NULL, &status);
        if (U_FAILURE(status)) { free(heap); return NULL; }
        *outLength = needed;
        return heap;
    }
    if (U_FAILURE(status)) return NULL;
    *outLength = needed;
    return stack;
}

int32_t pw_casefold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    const UNormalizer2 *normalizer = casefold_instance();
    if (normalizer == NULL) return -1;
    UChar inStack[256], outStack[512];
    int32_t inLength = 0;
    UChar *in = to_utf16(utf8, length, inStack, 256, &inLength);
    if (in == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar *folded = outStack;
    int32_t foldedLength = unorm2_normalize(normalizer, in, inLength, outStack, 512, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        folded = malloc(sizeof(UChar) * (size_t)(foldedLength + 1));
        if (folded == NULL) { if (in != inStack) free(in); return -1; }
        status = U_ZERO_ERROR;
        foldedLength = unorm2_normalize(normalizer, in, inLength, folded, foldedLength + 1, &status);
    }
    int32_t result = -1;
    if (U_SUCCESS(status)) {
        UErrorCode toStatus = U_ZERO_ERROR;
        int32_t needed = 0;
        u_strToUTF8WithSub((char *)out, capacity, &needed, folded, foldedLength, 0xFFFD, NULL, &toStatus);
        if (U_SUCCESS(toStatus) || toStatus == U_BUFFER_OVERFLOW_ERROR) result = needed;
    }
    if (folded != outStack) free(folded);
    if (in != inStack) free(in);
    return result;
}

static USpoofChecker *spoof_checker = NULL;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;

static void open_spoof_checker(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&status);
    if (U_SUCCESS(status)) spoof_checker = checker;
}

int32_t pw_skeleton(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    pthread_once(&spoof_once, open_spoof_checker);
    if (spoof_checker == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = uspoof_getSkeletonUTF8(spoof_checker, 0, (const char *)utf8, length, (char *)out, capacity, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return -1;
    return needed;
}

int32_t pw_is_combining_mark(uint32_t scalar) {
    int8_t category = u_charType((UChar32)scalar);
    return (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_COMBINING_SPACING_MARK) ? 1 : 0;
}

int32_t pw_is_word_letter(uint32_t scalar) {
    return u_getIntPropertyValue((UChar32)scalar, UCHAR_WORD_BREAK) == U_WB_ALETTER ? 1 : 0;
}

int32_t pw_is_lone_pictograph(uint32_t scalar) {
    return u_hasBinaryProperty((UChar32)scalar, UCHAR_EXTENDED_PICTOGRAPHIC)
        && u_getIntPropertyValue((UChar32)scalar, UCHAR_WORD_BREAK) == U_WB_OTHER ? 1 : 0;
}

const char *pw_icu_version(void) {
    static char version[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, version);
    return version;
}
