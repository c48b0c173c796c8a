<?php
declare(strict_types=1);

// A page under PHP's built-in web server: checks the story in ?dir= (a
// test fixture; bound to 127.0.0.1) with the preloaded Claims\ classes and
// answers the findings as JSON, through the CMS hook for ?draft=.
header('Content-Type: application/json');
try {
    if (isset($_GET['draft'])) {
        require_once dirname(__DIR__, 2) . '/examples/cms_hook.php';
        $published = [['id' => 'wire', 'text' => (string)$_GET['published']]];
        echo json_encode(claims_check_draft(['id' => 'draft', 'text' => (string)$_GET['draft']],
                                            $published));
        return;
    }
    $story = new Claims\Story(['fail_on' => 'none']);
    $story->addDirectory((string)$_GET['dir']);
    $story->check();
    echo json_encode(['preloaded' => class_exists(Claims\Story::class, false),
                      'version' => Claims\Library::version(),
                      'findings' => $story->findings()]);
} catch (Throwable $e) {
    http_response_code(500);
    echo json_encode(['error' => get_class($e) . ': ' . $e->getMessage()]);
}
