<?php
declare(strict_types=1);

/*
 * A CMS hook: before a draft is published, check it against the articles
 * already published on the same story and hand the editor what disagrees.
 *
 * In WordPress, for instance (the story's articles found by a tag):
 *
 *   add_filter('wp_insert_post_data', function (array $data, array $post) {
 *       if ($data['post_status'] !== 'publish') { return $data; }
 *       $published = array_map(fn ($p) => ['id' => (string)$p->ID, 'title' => $p->post_title,
 *           'published' => substr($p->post_date, 0, 10), 'text' => wp_strip_all_tags($p->post_content)],
 *           get_posts(['tag' => $story_tag, 'post_status' => 'publish']));
 *       $findings = claims_check_draft(['id' => 'draft', 'title' => $data['post_title'],
 *           'text' => wp_strip_all_tags($data['post_content'])], $published);
 *       update_post_meta($post['ID'], 'claims_findings', $findings);
 *       return $data;
 *   }, 10, 2);
 *
 * The Claims\ classes must be loaded: preloaded under a web server (see
 * bindings/php/README.md), or require src/autoload.php on the command line.
 */

/**
 * Checks $draft against $published (articles of one story) and returns the
 * findings that involve the draft, as arrays: type, key, confidence, level,
 * summary, diff, fails, and the evidence (article, text, sentence, byte span,
 * value) of each claim. Contradictions and variants come first.
 *
 * @param array{id: string, text: string, title?: ?string, published?: ?string} $draft
 * @param list<array{id: string, text: string, title?: ?string, published?: ?string}> $published
 * @param array{fail_on?: string, min_confidence?: float} $options
 * @return list<array<string, mixed>>
 * @throws Claims\RejectedException when the draft itself is rejected (bad UTF-8...)
 */
function claims_check_draft(array $draft, array $published, array $options = []): array
{
    $story = new Claims\Story($options);
    try {
        $story->addArticle($draft['id'], $draft['text'], $draft['title'] ?? null,
                           $draft['published'] ?? null);
        foreach ($published as $article) {
            try {
                $story->addArticle($article['id'], $article['text'], $article['title'] ?? null,
                                   $article['published'] ?? null);
            } catch (Claims\RejectedException $e) {
                // a broken published article must not block the draft
            }
        }
        $story->check();
        $claims = [];
        foreach ($story->claims() as $c) {
            $claims[$c->id] = $c;
        }
        $out = [];
        foreach ($story->findings() as $f) {
            $evidence = array_map(fn (string $id) => [
                'article' => $claims[$id]->article,
                'text' => $claims[$id]->text,
                'sentence' => $claims[$id]->sentence,
                'start' => $claims[$id]->start,
                'end' => $claims[$id]->end,
                'value' => $claims[$id]->value,
            ], $f->claims);
            if (!in_array($draft['id'], array_column($evidence, 'article'), true)) {
                continue;
            }
            $out[] = ['type' => $f->type, 'key' => $f->key, 'confidence' => $f->confidence,
                      'level' => $f->level, 'summary' => $f->summary, 'diff' => $f->diff,
                      'fails' => $f->fails, 'claims' => $evidence];
        }
        $rank = ['contradiction' => 0, 'variant' => 1, 'compatible' => 2, 'agreement' => 3];
        usort($out, fn ($a, $b) => $rank[$a['type']] <=> $rank[$b['type']]);
        return $out;
    } finally {
        $story->close();
    }
}
