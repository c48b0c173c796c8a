<?php
declare(strict_types=1);

use Claims\Story;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../examples/cms_hook.php';

/** The PHP API of libclaims over FFI (run from the command line). */
final class StoryTest extends TestCase
{
    // Texts of our own: two accounts of one ferry fire.
    private const ONE = "Ferry fire\nMore than 40 passengers were rescued on Monday, the coast "
        . "guard said. The repairs cost 2 million euros (\$2.2 million). \"We got everyone off "
        . "the boat in time,\" harbour master Lena Berg said. In 2019, the same ferry ran aground "
        . "during the storm.\n";
    private const TWO = "Harbour blaze\nFire crews rescued 42 passengers on Monday. \"We got "
        . "everybody off the boat in time,\" said Lena Berg, the harbour master. In 2018, the "
        . "ferry ran aground in the storm.\n";

    private static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    private function checked(array $options = []): Story
    {
        $s = new Story($options);
        $s->addArticle('one', self::ONE, null, '2024-03-04');
        $s->addFile('news/two.txt', self::TWO);
        $s->check();
        return $s;
    }

    public function testVersionIsTheBindingsAbi(): void
    {
        $v = array_map('intval', array_slice(explode('.', Claims\Library::version()), 0, 2));
        $this->assertSame(Claims\Library::ABI_VERSION, $v);
        $this->assertSame('libclaims.so.' . implode('.', $v), Claims\Library::SONAME);
        $this->assertStringContainsString('#define FFI_LIB "' . Claims\Library::SONAME . '"',
            file_get_contents(Claims\Library::headerPath()));
    }

    public function testResultClassesHaveEveryFieldOfTheSchema(): void
    {
        $schema = json_decode(file_get_contents(self::root() . '/doc/claims-report.schema.json'),
                              true);
        foreach ([Claims\Article::class => 'article', Claims\Rejected::class => 'rejected',
                  Claims\Claim::class => 'claim', Claims\Finding::class => 'finding'] as $cls => $def) {
            $props = array_map(fn ($p) => $p->getName(),
                               (new ReflectionClass($cls))->getProperties());
            $fields = array_keys($schema['$defs'][$def]['properties']);
            sort($props);
            sort($fields);
            $this->assertSame($fields, $props, $cls);
        }
        $props = array_map(fn ($p) => $p->getName(),
                           (new ReflectionClass(Claims\Event::class))->getProperties());
        $this->assertSame(array_keys($schema['$defs']['claim']['properties']['event']['properties']),
                          $props);
    }

    public function testFrameFieldsBecomeTyped(): void
    {
        $c = Claims\Claim::fromArray([
            'id' => 'c1', 'article' => 'a', 'kind' => 'count', 'key' => 'count/x/-', 'value' => 3,
            'text' => '3 x', 'start' => 0, 'end' => 3, 'sentence' => '3 x.',
            'sentence_start' => 0, 'sentence_end' => 4, 'speaker' => null,
            'scope' => 'in the north', 'part' => 'subset', 'a_later_field' => 1,
            'event' => ['id' => 'e2', 'label' => 'the 2004 flood', 'background' => true]]);
        $this->assertInstanceOf(Claims\Event::class, $c->event);
        $this->assertTrue($c->event->background);
        $this->assertSame(['id' => 'e2', 'label' => 'the 2004 flood', 'background' => true],
                          $c->toArray()['event']);
        $this->assertSame('in the north', $c->scope);
    }

    public function testResultsMatchTheJsonReport(): void
    {
        $s = $this->checked();
        $report = json_decode($s->report('json'), true);
        $claims = $s->claims();
        $this->assertNotEmpty($claims);
        $this->assertCount(count($report['claims']), $claims);
        foreach ($claims as $i => $c) {
            $this->assertInstanceOf(Claims\Claim::class, $c);
            $want = array_filter($report['claims'][$i], fn ($v) => $v !== null);
            $got = array_filter($c->toArray(), fn ($v) => $v !== null);
            ksort($want);
            ksort($got);
            $this->assertSame($want, $got);
            $text = $c->article === 'one' ? self::ONE : self::TWO;
            $this->assertSame($c->text, substr($text, $c->start, $c->end - $c->start));
        }
        $this->assertSame(array_column($report['findings'], 'id'),
                          array_map(fn ($f) => $f->id, $s->findings()));
        $arts = $s->articles();
        $this->assertSame(['one', 'two'], array_map(fn ($a) => $a->id, $arts));
        $this->assertSame('Harbour blaze', $arts[1]->title);
        $this->assertSame('2024-03-04', $arts[0]->published);
    }

    public function testContradictionsVariantsAndFailures(): void
    {
        $s = $this->checked();
        $years = array_values(array_filter($s->contradictions(),
            fn ($f) => str_starts_with((string)$f->key, 'year')));
        $this->assertNotEmpty($years, $s->report('text'));
        $this->assertTrue($years[0]->fails);
        $values = array_map(fn ($id) => $s->claim($id)->value, $years[0]->claims);
        sort($values);
        $this->assertSame([2018, 2019], $values);
        $variants = $s->findings('variant');
        $this->assertNotEmpty($variants);
        $this->assertNotEmpty($variants[0]->diff);
        $this->assertSame(count(array_filter($s->findings(), fn ($f) => $f->fails)),
                          $s->failures());
        $this->assertSame(0, $this->checked(['fail_on' => 'none'])->failures());
        $this->assertSame([], $this->checked(['min_confidence' => 1.0])->findings());
        $all = $this->checked(['fail_confidence' => 0]);
        $this->assertSame(count($all->contradictions()), $all->failures());
    }

    public function testEveryReportFormat(): void
    {
        $s = $this->checked();
        foreach (array_keys(Story::FORMATS) as $format) {
            $this->assertNotSame('', $s->report($format), $format);
        }
        $this->assertStringStartsWith('{"schema":"claims-report/1"', $s->report('json'));
        $this->assertStringContainsString('<html', $s->report('html'));
    }

    public function testRejectedArticleNamesArticleAndOffsetAndStoryGoesOn(): void
    {
        $s = new Story();
        try {
            $s->addArticle('bad', "Rescuers pulled 14 people\xff out.");
            $this->fail('no exception');
        } catch (Claims\RejectedException $e) {
            $this->assertSame(Claims\Status::INVALID_UTF8, $e->getCode());
            $this->assertSame('bad', $e->getArticle());
            $this->assertSame(25, $e->getOffset());
            $this->assertStringContainsString("'bad' at byte 25", $e->getMessage());
        }
        $s->addArticle('good', self::ONE);
        try {
            $s->addArticle('good', self::TWO);
            $this->fail('no exception');
        } catch (Claims\RejectedException $e) {
            $this->assertSame(Claims\Status::DUPLICATE_ID, $e->getCode());
            $this->assertNull($e->getOffset());
        }
        $s->check();
        $this->assertSame([['bad', 3, 25], ['good', 6, null]],
            array_map(fn ($r) => [$r->id, $r->code, $r->offset], $s->rejected()));
        $this->assertSame(['good'], array_map(fn ($a) => $a->id, $s->articles()));
    }

    public function testMisuseThrows(): void
    {
        $s = new Story();
        foreach (['claims', 'findings', 'articles', 'rejected', 'contradictions', 'failures',
                  'report'] as $method) {
            try {
                $s->$method();
                $this->fail("$method() before check() did not throw");
            } catch (Claims\StateException $e) {
                $this->assertSame(Claims\Status::STATE, $e->getCode());
            }
        }
        $s->addArticle('a', self::ONE);
        $s->check();
        $this->expectException(Claims\StateException::class);
        $s->check();
    }

    public function testBadArgumentsThrow(): void
    {
        $s = $this->checked();
        try {
            $s->report('pdf');
            $this->fail('no exception');
        } catch (Claims\InvalidArgumentException $e) {
            $this->assertSame(Claims\Status::INVALID_ARGUMENT, $e->getCode());
        }
        $this->expectException(Claims\InvalidArgumentException::class);
        new Story(['fail_on' => 'everything']);
    }

    public function testLexiconErrorHasOffset(): void
    {
        $s = new Story();
        try {
            $s->addLexicon("[concept]\nbroken\n");
            $this->fail('no exception');
        } catch (Claims\ClaimsException $e) {
            $this->assertSame(Claims\Status::LEXICON, $e->getCode());
            $this->assertSame(10, $e->getOffset());
        }
    }

    public function testDirectoryGivesTheClisReport(): void
    {
        $cli = getenv('CLAIMS_CLI');
        if ($cli === false || $cli === '') {
            $this->markTestSkipped('CLAIMS_CLI is not set (meson test sets it)');
        }
        $dir = self::root() . '/examples/drone-deal';
        $s = new Story();
        $s->addDirectory($dir);
        $s->check();
        $expected = shell_exec(escapeshellarg($cli) . ' check --format json '
                               . escapeshellarg($dir));
        $this->assertSame($expected, $s->report('json'));
    }

    public function testDirectoryWithJsonLinesAsTheCliReadsIt(): void
    {
        $dir = sys_get_temp_dir() . '/claims-php-' . getmypid();
        @mkdir($dir);
        try {
            file_put_contents("$dir/wire.txt", "\xef\xbb\xbfFerry fire\n" . self::ONE);
            file_put_contents("$dir/feed.jsonl", json_encode(['id' => 'j1', 'text' => self::TWO,
                'title' => 'T', 'published' => '2024-02-30']) . "\nnot json\n"
                . json_encode(['id' => 'j2']) . "\n");
            file_put_contents("$dir/skip.md", self::ONE);
            @mkdir("$dir/sub");
            file_put_contents("$dir/sub/Deep.TXT", "Rescuers found 3 more people.\n");
            file_put_contents("$dir/sub/meta.json", '{}');
            $s = new Story();
            $s->addPath($dir);
            $s->check();
            $this->assertSame(['j1', 'sub/Deep', 'wire'],
                              array_map(fn ($a) => $a->id, $s->articles()));
            $this->assertNull($s->articles()[0]->published); // not a real day: undated
            $this->assertSame('Ferry fire', $s->articles()[2]->title);
            $this->assertSame(['feed:2', 'j2'], array_map(fn ($r) => $r->id, $s->rejected()));
            $cli = getenv('CLAIMS_CLI');
            if ($cli !== false && $cli !== '') {
                // the same articles, claims and findings (the JSON parsers'
                // messages for the bad line differ)
                $want = json_decode(shell_exec(escapeshellarg($cli) . ' check --format json '
                                               . escapeshellarg($dir) . ' 2>/dev/null'), true);
                $got = json_decode($s->report('json'), true);
                foreach (['articles', 'claims', 'findings'] as $k) {
                    $this->assertSame($want[$k], $got[$k], $k);
                }
                $this->assertSame(array_column($want['rejected'], 'id'),
                                  array_column($got['rejected'], 'id'));
                $this->assertSame(array_column($want['rejected'], 'code'),
                                  array_column($got['rejected'], 'code'));
            }
            $t = new Story();
            $t->addFile("$dir/wire.txt");
            $t->addPath("$dir/missing.txt");
            $t->addPath("$dir/sub/meta.json");
            $t->check();
            $this->assertSame(['wire'], array_map(fn ($a) => $a->id, $t->articles()));
            $this->assertSame(['missing', 'meta'], array_map(fn ($r) => $r->id, $t->rejected()));
        } finally {
            array_map('unlink', array_merge(glob("$dir/sub/*"), glob("$dir/*.*")));
            @rmdir("$dir/sub");
            rmdir($dir);
        }
    }

    public function testCmsHookReturnsTheDraftsFindingsAsArrays(): void
    {
        $published = [['id' => 'wire', 'title' => 'Ferry fire', 'published' => '2024-03-04',
                       'text' => self::ONE]];
        $findings = claims_check_draft(['id' => 'draft', 'text' => self::TWO], $published);
        $this->assertNotEmpty($findings);
        $this->assertSame('contradiction', $findings[0]['type']);
        foreach ($findings as $f) {
            $this->assertIsArray($f);
            $this->assertContains('draft', array_column($f['claims'], 'article'));
            foreach ($f['claims'] as $c) {
                $this->assertStringContainsString($c['text'], $c['sentence']);
            }
        }
        $this->expectException(Claims\RejectedException::class);
        claims_check_draft(['id' => 'draft', 'text' => "bad \xff"], $published);
    }
}
