<?php
declare(strict_types=1);

/* Loads the Claims\ classes (require this file, or let opcache preload it:
 * see preload.php). */
spl_autoload_register(static function (string $class): void {
    static $map = [
        'Claims\\Library' => 'Library.php',
        'Claims\\Status' => 'Status.php',
        'Claims\\ClaimsException' => 'Exceptions.php',
        'Claims\\RejectedException' => 'Exceptions.php',
        'Claims\\StateException' => 'Exceptions.php',
        'Claims\\InvalidArgumentException' => 'Exceptions.php',
        'Claims\\Result' => 'Results.php',
        'Claims\\Article' => 'Results.php',
        'Claims\\Rejected' => 'Results.php',
        'Claims\\Claim' => 'Results.php',
        'Claims\\Event' => 'Results.php',
        'Claims\\Finding' => 'Results.php',
        'Claims\\Story' => 'Story.php',
    ];
    if (isset($map[$class])) {
        require_once __DIR__ . '/' . $map[$class];
    }
});
