<?php
declare(strict_types=1);

namespace Claims;

/** claims_status of claims.h; the values are pinned. */
final class Status
{
    public const OK = 0;
    public const NOMEM = 1;
    public const INVALID_ARGUMENT = 2;
    public const INVALID_UTF8 = 3;
    public const NUL_BYTE = 4;
    public const EMPTY_TEXT = 5;
    public const DUPLICATE_ID = 6;
    public const BAD_DATE = 7;
    public const IO = 8;
    public const LEXICON = 9;
    public const STATE = 10;
    public const TOO_LARGE = 11;
    public const EMPTY_ID = 12;
    public const INVALID_ID = 13;

    /** Codes for which an article is rejected (recorded; the story goes on). */
    public const REJECTIONS = [3, 4, 5, 6, 7, 11, 12];
}
