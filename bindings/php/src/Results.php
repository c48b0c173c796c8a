<?php
declare(strict_types=1);

namespace Claims;

/**
 * The results of a checked story: every field of the claims-report/1 JSON
 * report (doc/claims-report.schema.json), as read-only properties.
 */
abstract class Result implements \JsonSerializable
{
    /** Builds one from a report entry; fields it does not know are ignored. */
    public static function fromArray(array $a): static
    {
        $args = [];
        foreach ((new \ReflectionClass(static::class))->getConstructor()->getParameters() as $p) {
            $name = $p->getName();
            if (array_key_exists($name, $a)) {
                $args[$name] = $a[$name];
            } elseif (!$p->isDefaultValueAvailable()) {
                throw new ClaimsException(Status::INVALID_ARGUMENT,
                    static::class . ": the report has no field $name");
            }
        }
        return new static(...$args);
    }

    /** The fields as an array, as in the JSON report (absent ones null). */
    public function toArray(): array
    {
        return array_map(fn ($v) => $v instanceof Result ? $v->toArray() : $v,
                         get_object_vars($this));
    }

    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}

/** An accepted article. */
final class Article extends Result
{
    public function __construct(
        public readonly string $id,
        public readonly ?string $title,
        /** "YYYY-MM-DD", given or from a dateline; null when unknown */
        public readonly ?string $published,
        /** "given", "dateline" or null */
        public readonly ?string $published_source,
        /** length of the text in bytes */
        public readonly int $bytes,
    ) {
    }
}

/** A rejected input. */
final class Rejected extends Result
{
    public function __construct(
        public readonly string $id,
        public readonly string $error,
        /** the claims_status (see Status) */
        public readonly int $code,
        /** byte offset of the problem, or null */
        public readonly ?int $offset,
    ) {
    }
}

/** The event a figure speaks of (a claim's event). */
final class Event extends Result
{
    public function __construct(
        /** "e1", "e2"... in the story */
        public readonly string $id,
        /** "the story's event", or the other event's words */
        public readonly string $label,
        /** true for an earlier or other event than the story's own */
        public readonly bool $background,
    ) {
    }
}

/** One claim; byte offsets count bytes of the article's text. */
final class Claim extends Result
{
    public static function fromArray(array $a): static
    {
        if (isset($a['event']) && is_array($a['event'])) {
            $a['event'] = Event::fromArray($a['event']);
        }
        return parent::fromArray($a);
    }

    public function __construct(
        public readonly string $id,
        public readonly string $article,
        /** count, money, percent, measure, year, date, quote, paraphrase */
        public readonly string $kind,
        /** slot key: claims with equal keys speak of the same thing */
        public readonly ?string $key,
        /** number, ISO date string, normalized quote words, or null */
        public readonly int|float|string|null $value,
        /** the exact source text, bytes [start, end) */
        public readonly string $text,
        public readonly int $start,
        public readonly int $end,
        /** the sentence it stands in (a very long one is shortened) */
        public readonly string $sentence,
        public readonly int $sentence_start,
        public readonly int $sentence_end,
        public readonly ?string $speaker,
        public readonly int|float|null $low = null,
        public readonly int|float|null $high = null,
        public readonly ?bool $low_exclusive = null,
        public readonly ?bool $high_exclusive = null,
        public readonly ?string $unit = null,
        /** dates: year, month or day */
        public readonly ?string $precision = null,
        /** dates: worked out from the article's date */
        public readonly ?bool $inferred = null,
        /** a weaker second slot key */
        public readonly ?string $weak_key = null,
        /** id of the claim this one restates (a currency conversion) */
        public readonly ?string $linked = null,
        /** figures: the event it speaks of */
        public readonly ?Event $event = null,
        /** a place or group that qualifies the figure */
        public readonly ?string $scope = null,
        /** whose age, sentence, price or distance it is */
        public readonly ?string $holder = null,
        /** "subset" or "increment" of a total */
        public readonly ?string $part = null,
        /** the words that named the speaker */
        public readonly ?string $speaker_text = null,
        /** "title" when start, end, text and the sentence are in the
         * article's title given apart from its text; null: in the text */
        public readonly ?string $within = null,
    ) {
    }
}

/** One finding. */
final class Finding extends Result
{
    public function __construct(
        public readonly string $id,
        /** agreement, contradiction, variant, compatible, update */
        public readonly string $type,
        public readonly ?string $key,
        /** @var string[] ids of the claims it is about */
        public readonly array $claims,
        /** 0..1 */
        public readonly int|float $confidence,
        /** "low" (below 0.5) or "high" */
        public readonly string $level,
        public readonly ?string $summary,
        /** fails under the story's fail-on setting */
        public readonly bool $fails,
        /** the heading in words ("people killed") */
        public readonly ?string $label = null,
        /** why its claims were compared, in words */
        public readonly ?string $basis = null,
        /** quote variants: the word-level difference */
        public readonly ?string $diff = null,
    ) {
    }
}
