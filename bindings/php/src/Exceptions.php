<?php
declare(strict_types=1);

namespace Claims;

/**
 * An error from libclaims: getCode() is the claims_status (see Status),
 * getArticle() the article id concerned (or null), getOffset() the byte
 * offset in that article's text (or null).
 */
class ClaimsException extends \RuntimeException
{
    public function __construct(int $code, string $message, private ?string $article = null,
                                private ?int $offset = null)
    {
        $where = $article !== null && $article !== '' ? " in article '$article'" : '';
        $at = $offset !== null ? " at byte $offset" : '';
        parent::__construct($message . $where . $at, $code);
        if ($article === '') {
            $this->article = null;
        }
    }

    public function getArticle(): ?string
    {
        return $this->article;
    }

    public function getOffset(): ?int
    {
        return $this->offset;
    }
}

/** An article was rejected; the story records it and goes on. */
class RejectedException extends ClaimsException
{
}

/** A call not allowed now: results before check(), adding after it. */
class StateException extends ClaimsException
{
}

/** A bad argument: unknown format or option value, bad id. */
class InvalidArgumentException extends ClaimsException
{
}
