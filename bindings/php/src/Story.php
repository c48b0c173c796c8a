<?php
declare(strict_types=1);

namespace Claims;

/**
 * One story: add articles, check() once, then read claims, findings and
 * reports. The same shape as the Python binding:
 *
 *     $story = new Claims\Story(['fail_on' => 'contradiction']);
 *     $story->addArticle('wire', $text, title: 'Flood', published: '2024-04-12');
 *     $story->addFile('daily.txt', $bytes);   // the CLI's rules: id, title line, BOM
 *     $story->check();
 *     foreach ($story->contradictions() as $f) { echo $f->summary, "\n"; }
 *     $html = $story->report('html');
 *
 * Texts are UTF-8 strings; offsets count bytes. A rejected article throws
 * RejectedException (with getArticle() and getOffset()) and the story goes
 * on without it; results before check() throw StateException. Claims and
 * findings are read from the claims-report/1 JSON the library writes, so
 * PHP, Python and the CLI give the same results.
 */
final class Story
{
    public const FORMATS = ['text' => 0, 'json' => 1, 'markdown' => 2, 'html' => 3, 'tap' => 4,
                            'junit' => 5];
    public const FAIL_ON = ['none' => 0, 'contradiction' => 1, 'variant' => 2];
    private const OPT_FAIL_ON = 0;
    private const OPT_MIN_CONFIDENCE = 1;

    private \FFI $ffi;
    private ?\FFI\CData $story;
    private bool $checked = false;
    private ?array $reportCache = null;

    /**
     * @param array{fail_on?: string, min_confidence?: float, lexicons?: string[]} $options
     */
    public function __construct(array $options = [])
    {
        $this->ffi = Library::ffi();
        $handle = $this->ffi->new('claims_story*');
        $st = $this->ffi->claims_story_new(null, \FFI::addr($handle));
        if ($st !== Status::OK) {
            throw self::error($st, null);
        }
        $this->story = $handle;
        $this->setOptions($options);
        foreach ($options['lexicons'] ?? [] as $lexicon) {
            $this->addLexicon($lexicon);
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Frees the story's C memory; further calls throw StateException. */
    public function close(): void
    {
        if (isset($this->story)) {
            $this->ffi->claims_story_free($this->story);
            $this->story = null;
        }
    }

    /** @param array{fail_on?: string, min_confidence?: float} $options */
    public function setOptions(array $options): void
    {
        $h = $this->handle();
        if (isset($options['fail_on'])) {
            $v = self::FAIL_ON[$options['fail_on']] ?? null;
            if ($v === null) {
                throw new InvalidArgumentException(Status::INVALID_ARGUMENT,
                    "fail_on must be none, contradiction or variant, not '{$options['fail_on']}'");
            }
            $this->ffi->claims_story_set_option($h, self::OPT_FAIL_ON, $v);
        }
        if (isset($options['min_confidence'])) {
            $c = $options['min_confidence'];
            if (!is_int($c) && !is_float($c) || $c < 0 || $c > 1) {
                throw new InvalidArgumentException(Status::INVALID_ARGUMENT,
                    'min_confidence must be a number in 0..1');
            }
            $this->ffi->claims_story_set_option($h, self::OPT_MIN_CONFIDENCE, (int)round($c * 100));
        }
        $this->reportCache = null;
    }

    /** Adds lexicon entries (data/*.lex format) before check(). */
    public function addLexicon(string $text): void
    {
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_add_lexicon($this->handle(), $text, strlen($text),
                                                   \FFI::addr($err));
        $this->raise($st, $err);
    }

    /**
     * Adds an article. $published is "YYYY-MM-DD" or null. Throws
     * RejectedException when the article is rejected (recorded; the story
     * goes on).
     */
    public function addArticle(string $id, string $text, ?string $title = null,
                               ?string $published = null): void
    {
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_add_article($this->handle(), $id, $title, $published,
                                                   $text, strlen($text), \FFI::addr($err));
        $this->raise($st, $err);
    }

    /**
     * Adds a plain-text file as the CLI does: id from the file name without
     * extension, first line as title when short and followed by more text,
     * BOM skipped. $bytes is the file's content; null reads the file $name.
     */
    public function addFile(string $name, ?string $bytes = null): void
    {
        if ($bytes === null) {
            $bytes = @file_get_contents($name);
            if ($bytes === false) {
                $id = pathinfo($name, PATHINFO_FILENAME);
                $this->reject($id, "cannot read $name", -1);
                throw new RejectedException(Status::IO, "cannot read $name", $id);
            }
        }
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_add_file($this->handle(), $name, $bytes, strlen($bytes),
                                                \FFI::addr($err));
        $this->raise($st, $err);
    }

    /**
     * Adds JSON Lines as the CLI reads *.jsonl files: one {"id", "title",
     * "published", "text"} object per line. A bad line or a rejected article
     * is recorded (with its byte offset), not thrown. $name names lines
     * without an id ("name:3").
     */
    public function addJsonLines(string $name, string $bytes): void
    {
        $start = 0;
        foreach (explode("\n", $bytes) as $i => $line) {
            $lineStart = $start;
            $start += strlen($line) + 1;
            if (trim($line, " \t\r") === '') {
                continue;
            }
            $fallback = "$name:" . ($i + 1);
            try {
                $obj = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
            } catch (\JsonException $e) {
                $this->reject($fallback, 'line ' . ($i + 1) . ': ' . $e->getMessage(), $lineStart);
                continue;
            }
            if (!is_array($obj) || array_is_list($obj) && $obj !== []) {
                $this->reject($fallback, 'line ' . ($i + 1) . ': not a JSON object', $lineStart);
                continue;
            }
            $id = is_string($obj['id'] ?? null) ? $obj['id']
                : (is_int($obj['id'] ?? null) ? (string)$obj['id'] : $fallback);
            $title = $obj['title'] ?? null;
            $published = $obj['published'] ?? null;
            if (!is_string($obj['text'] ?? null)) {
                $this->reject($id, 'no "text" string', $lineStart);
            } elseif (!is_string($title) && $title !== null
                      || !is_string($published) && $published !== null) {
                $this->reject($id, '"title" and "published" must be strings or null', $lineStart);
            } else {
                try {
                    $this->addArticle($id, $obj['text'], $title, $published);
                } catch (RejectedException $e) {
                    // recorded in the story, as the CLI does
                }
            }
        }
    }

    /**
     * Adds a directory as `claims check DIR` reads it (name order, *.txt and
     * *.text as plain text, *.jsonl and *.ndjson as JSON Lines); rejected
     * files are recorded, not thrown.
     */
    public function addDirectory(string $dir): void
    {
        $names = scandir($dir);
        if ($names === false) {
            throw new ClaimsException(Status::IO, "cannot read directory $dir");
        }
        sort($names, SORT_STRING);
        foreach ($names as $name) {
            $path = "$dir/$name";
            if ($name[0] === '.' || !is_file($path)
                || !preg_match('/\.(txt|text|jsonl|ndjson)$/', $name)) {
                continue;
            }
            try {
                if (preg_match('/\.(jsonl|ndjson)$/', $name)) {
                    $bytes = @file_get_contents($path);
                    if ($bytes === false) {
                        $this->reject(pathinfo($name, PATHINFO_FILENAME), "cannot read $path", -1);
                    } else {
                        $this->addJsonLines(pathinfo($name, PATHINFO_FILENAME), $bytes);
                    }
                } else {
                    $this->addFile($path);
                }
            } catch (RejectedException $e) {
                // recorded in the story, as the CLI does
            }
        }
    }

    /** Extracts and compares claims. Call once, after adding articles. */
    public function check(): void
    {
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_check($this->handle(), \FFI::addr($err));
        $this->raise($st, $err);
        $this->checked = true;
        $this->reportCache = null;
    }

    /** The report in text, json, markdown, html, tap or junit. */
    public function report(string $format = 'text'): string
    {
        $this->requireChecked('report');
        $fmt = self::FORMATS[$format] ?? null;
        if ($fmt === null) {
            throw new InvalidArgumentException(Status::INVALID_ARGUMENT,
                "unknown report format '$format'");
        }
        $out = $this->ffi->new('char*');
        $len = $this->ffi->new('size_t');
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_report_alloc($this->handle(), $fmt, \FFI::addr($out),
                                                    \FFI::addr($len), \FFI::addr($err));
        $this->raise($st, $err);
        try {
            return \FFI::string($out, $len->cdata);
        } finally {
            $this->ffi->claims_report_free($out);
        }
    }

    /** @return Article[] accepted articles, in the order added */
    public function articles(): array
    {
        $this->requireChecked('articles');
        return array_map([Article::class, 'fromArray'], $this->json()['articles']);
    }

    /** @return Rejected[] rejected inputs, in the order rejected */
    public function rejected(): array
    {
        $this->requireChecked('rejected');
        return array_map([Rejected::class, 'fromArray'], $this->json()['rejected']);
    }

    /** @return Claim[] every claim, by article then position */
    public function claims(): array
    {
        $this->requireChecked('claims');
        return array_map([Claim::class, 'fromArray'], $this->json()['claims']);
    }

    /** @return Finding[] findings at or above min_confidence, of one type or all */
    public function findings(?string $type = null): array
    {
        $this->requireChecked('findings');
        $all = array_map([Finding::class, 'fromArray'], $this->json()['findings']);
        return array_values(array_filter($all, fn (Finding $f) => $type === null
            || $f->type === $type));
    }

    /** @return Finding[] the contradictions */
    public function contradictions(): array
    {
        return $this->findings('contradiction');
    }

    /** How many findings fail under fail_on and min_confidence. */
    public function failures(): int
    {
        $this->requireChecked('failures');
        return (int)$this->ffi->claims_story_failure_count($this->handle());
    }

    /** The claim with this id (findings name claims by id). */
    public function claim(string $id): Claim
    {
        foreach ($this->claims() as $c) {
            if ($c->id === $id) {
                return $c;
            }
        }
        throw new InvalidArgumentException(Status::INVALID_ARGUMENT, "no claim $id");
    }

    private function reject(string $id, string $message, int $offset): void
    {
        $st = $this->ffi->claims_story_reject($this->handle(), $id, Status::IO, $message, $offset);
        if ($st !== Status::OK) {
            throw self::error($st, null);
        }
    }

    private function json(): array
    {
        return $this->reportCache ??= json_decode($this->report('json'), true, 512,
                                                  JSON_THROW_ON_ERROR);
    }

    private function handle(): \FFI\CData
    {
        if (!isset($this->story)) {
            throw new StateException(Status::STATE, 'the story is closed');
        }
        return $this->story;
    }

    private function requireChecked(string $what): void
    {
        $this->handle();
        if (!$this->checked) {
            throw new StateException(Status::STATE, "$what() needs check() first");
        }
    }

    private function raise(int $status, \FFI\CData $err): void
    {
        if ($status !== Status::OK) {
            throw self::error($status, $err);
        }
    }

    private static function error(int $status, ?\FFI\CData $err): ClaimsException
    {
        $ffi = Library::ffi();
        $message = $err !== null && $err->message !== null ? $err->message
            : $ffi->claims_status_message($status);
        $article = $err !== null ? \FFI::string($err->article) : null;
        $offset = $err !== null && $err->has_offset ? (int)$err->offset : null;
        $class = match (true) {
            in_array($status, Status::REJECTIONS, true) => RejectedException::class,
            $status === Status::STATE => StateException::class,
            $status === Status::INVALID_ARGUMENT, $status === Status::INVALID_ID
                => InvalidArgumentException::class,
            default => ClaimsException::class,
        };
        return new $class($status, $message, $article === '' ? null : $article, $offset);
    }
}
