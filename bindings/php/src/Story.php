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
    private const OPT_FAIL_CONFIDENCE = 3;

    private \FFI $ffi;
    private ?\FFI\CData $story;
    private bool $checked = false;
    private ?array $reportCache = null;

    /**
     * @param array{fail_on?: string, min_confidence?: float, fail_confidence?: float,
     *              lexicons?: string[]} $options
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

    /**
     * fail_on: which finding types fail (none, contradiction, variant);
     * fail_confidence (0..1, library default 0.7): only findings at or above
     * it fail; min_confidence (0..1): findings below it are left out.
     *
     * @param array{fail_on?: string, min_confidence?: float, fail_confidence?: float} $options
     */
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
        foreach (['min_confidence' => self::OPT_MIN_CONFIDENCE,
                  'fail_confidence' => self::OPT_FAIL_CONFIDENCE] as $name => $opt) {
            if (!isset($options[$name])) {
                continue;
            }
            $c = $options[$name];
            if (!is_int($c) && !is_float($c) || $c < 0 || $c > 1) {
                throw new InvalidArgumentException(Status::INVALID_ARGUMENT,
                    "$name must be a number in 0..1");
            }
            $this->ffi->claims_story_set_option($h, $opt, (int)round($c * 100));
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
     * Adds a plain-text article by the CLI's rules for a text file: the
     * first line is the title when it is short and more text follows, a BOM
     * is skipped; offsets count from the first byte of $bytes.
     */
    public function addText(string $id, string $bytes): void
    {
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_add_text($this->handle(), $id, $bytes, strlen($bytes),
                                                \FFI::addr($err));
        $this->raise($st, $err);
    }

    /**
     * Adds a plain-text file as `claims check FILE` does: the id is the
     * file's base name without extension ("stories/wire.txt" is "wire"),
     * then addText()'s rules. $bytes is the file's content; null reads the
     * file $name.
     */
    public function addFile(string $name, ?string $bytes = null): void
    {
        if ($bytes === null) {
            $bytes = @file_get_contents($name);
            if ($bytes === false) {
                $id = self::stem(basename($name));
                $this->reject($id, "cannot read $name", -1);
                throw new RejectedException(Status::IO, "cannot read $name", $id);
            }
        }
        $err = $this->ffi->new('claims_error');
        $st = $this->ffi->claims_story_add_file($this->handle(), basename($name), $bytes,
                                                strlen($bytes), \FFI::addr($err));
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
        $pos = str_starts_with($bytes, "\xef\xbb\xbf") ? 3 : 0;
        $lineNo = 0;
        $n = strlen($bytes);
        while ($pos < $n) {
            $eol = strpos($bytes, "\n", $pos);
            $eol = $eol === false ? $n : $eol;
            $start = $pos;
            $line = substr($bytes, $pos, $eol - $pos);
            $pos = $eol + 1;
            $lineNo++;
            if (trim($line, " \t\r") === '') {
                continue;
            }
            $fallback = "$name:$lineNo";
            try {
                $obj = json_decode($line, false, 512, JSON_THROW_ON_ERROR);
            } catch (\JsonException $e) {
                $this->reject($fallback, "line $lineNo: " . $e->getMessage(), $start);
                continue;
            }
            if (!$obj instanceof \stdClass) {
                $this->reject($fallback, "line $lineNo: not a JSON object", $start);
                continue;
            }
            $this->addObject($obj, $fallback, $start);
        }
    }

    /**
     * Adds a file or a folder as `claims check PATH` reads it. A folder is
     * read recursively in byte order of the names: *.txt and *.text as plain
     * text, *.jsonl and *.ndjson as JSON Lines (any case), ids relative to
     * the folder ("2024/05/a"); hidden names, *.json and other files are
     * skipped. A file given by path has its base name as id; *.json holds an
     * object, an array of them or JSON Lines. Rejected inputs are recorded,
     * not thrown, as in the CLI; so is a path that yields nothing.
     */
    public function addPath(string $path): void
    {
        $before = $this->counts();
        if (is_dir($path)) {
            $this->walk($path, '', [realpath($path) => true]);
            $id = $path;
            $what = 'nothing read: no .txt, .text, .jsonl or .ndjson file in the folder';
        } else {
            $id = self::stem(basename($path));
            $this->addSource($path, $id, true);
            $what = 'nothing read: no article in the file';
        }
        if ($this->counts() === $before) {
            $this->reject($id, $what, -1, Status::EMPTY_TEXT);
        }
    }

    /** Adds a folder as `claims check DIR` reads it: see addPath(). */
    public function addDirectory(string $dir): void
    {
        $this->addPath($dir);
    }

    private function walk(string $path, string $rel, array $seen): void
    {
        $names = @scandir($path);
        if ($names === false) {
            $this->reject($rel !== '' ? $rel : $path, "cannot read the folder $path", -1);
            return;
        }
        sort($names, SORT_STRING);
        foreach ($names as $name) {
            if ($name[0] === '.') {
                continue;
            }
            $full = "$path/$name";
            $r = $rel !== '' ? "$rel/$name" : $name;
            if (is_dir($full)) {
                $real = realpath($full);
                if ($real !== false && !isset($seen[$real])) {
                    $this->walk($full, $r, $seen + [$real => true]);
                }
            } elseif (is_file($full) && preg_match('/\.(txt|text|jsonl|ndjson)$/i', $name)) {
                $this->addSource($full, self::stem($r), false);
            }
        }
    }

    private function addSource(string $path, string $id, bool $byName): void
    {
        $bytes = @file_get_contents($path);
        if ($bytes === false) {
            $this->reject($id, "cannot read $path", -1);
        } elseif (preg_match('/\.(jsonl|ndjson)$/i', $path)) {
            $this->addJsonLines($id, $bytes);
        } elseif ($byName && preg_match('/\.json$/i', $path)) {
            $this->addJsonFile($id, $bytes);
        } else {
            try {
                $this->addText($id, $bytes);
            } catch (RejectedException $e) {
                // recorded in the story, as the CLI does
            }
        }
    }

    private function addJsonFile(string $name, string $bytes): void
    {
        $k = str_starts_with($bytes, "\xef\xbb\xbf") ? 3 : 0;
        $k += strspn($bytes, " \t\n\r", $k);
        $first = $bytes[$k] ?? '';
        if ($first !== '{' && $first !== '[') {
            $this->reject($name, 'not JSON (a .json file holds one JSON object, an array of '
                          . 'them or JSON Lines)', $k < strlen($bytes) ? $k : -1);
            return;
        }
        try {
            $doc = json_decode(substr($bytes, $k), false, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            if ($first === '{') {
                $this->addJsonLines($name, $bytes);
            } else {
                $this->reject($name, 'not JSON: ' . $e->getMessage(), -1);
            }
            return;
        }
        if ($doc instanceof \stdClass) {
            $this->addObject($doc, $name, $k);
        } elseif (is_array($doc)) {
            foreach ($doc as $i => $item) {
                if ($item instanceof \stdClass) {
                    $this->addObject($item, "$name:" . ($i + 1), -1);
                } else {
                    $this->reject("$name:" . ($i + 1), 'not a JSON object', -1);
                }
            }
        } else {
            $this->reject($name, 'not JSON: not an array of objects', $k);
        }
    }

    private function addObject(\stdClass $obj, string $fallback, int $offset): void
    {
        $jid = $obj->id ?? null;
        if (!is_string($jid) && !is_int($jid) && $jid !== null) {
            $this->reject($fallback, '"id" must be a string or an integer', $offset,
                          Status::INVALID_ID);
            return;
        }
        $id = is_string($jid) ? $jid : ($jid === null ? $fallback : (string)$jid);
        if (str_contains($id, "\0")) {
            $this->reject($id, 'the id contains a NUL character (\u0000)', $offset,
                          Status::INVALID_ID);
            return;
        }
        $text = $obj->text ?? null;
        $title = $obj->title ?? null;
        $published = $obj->published ?? null;
        if (!is_string($text)) {
            $this->reject($id, 'no "text" string', $offset, Status::EMPTY_TEXT);
        } elseif (!is_string($title) && $title !== null
                  || !is_string($published) && $published !== null) {
            $this->reject($id, '"title" and "published" must be strings or null', $offset,
                          Status::INVALID_ARGUMENT);
        } elseif ($title !== null && str_contains($title, "\0")) {
            $this->reject($id, 'the title contains a NUL character (\u0000)', $offset,
                          Status::NUL_BYTE);
        } else {
            if ($published !== null && !self::realDate($published)) {
                $published = null; // the CLI keeps the article, undated
            }
            try {
                $this->addArticle($id, $text, $title, $published);
            } catch (RejectedException $e) {
                // recorded in the story, as the CLI does
            }
        }
    }

    /** A file's id: its name without the last extension, folders kept. */
    private static function stem(string $name): string
    {
        $slash = strrpos($name, '/');
        $base = $slash === false ? 0 : $slash + 1;
        $dot = strrpos($name, '.', $base);
        return $dot !== false && $dot > $base ? substr($name, 0, $dot) : $name;
    }

    private static function realDate(string $s): bool
    {
        return preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $s, $m) === 1 && (int)$m[1] > 0
            && checkdate((int)$m[2], (int)$m[3], (int)$m[1]);
    }

    /** @return int[] articles and rejected inputs so far */
    private function counts(): array
    {
        $h = $this->handle();
        return [(int)$this->ffi->claims_story_article_count($h),
                (int)$this->ffi->claims_story_rejected_count($h)];
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
        // the library's one table of formats decides the names
        $code = $this->ffi->new('claims_format');
        $fmt = $this->ffi->claims_format_from_name($format, \FFI::addr($code)) === 0
            ? $code->cdata : null;
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

    private function reject(string $id, string $message, int $offset,
                            int $code = Status::IO): void
    {
        $st = $this->ffi->claims_story_reject($this->handle(), $id, $code, $message, $offset);
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
