<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

/**
 * The binding under PHP's built-in web server (php -S, on 127.0.0.1 only)
 * with Debian's default ffi.enable=preload and the php.ini lines of the
 * README: ffi.preload for the header, opcache.preload for the classes.
 */
final class WebServerTest extends TestCase
{
    private static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    /** @return array{0: resource, 1: int} the server process and its port */
    private static function serve(array $ini): array
    {
        $sock = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int)substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
        fclose($sock);
        $cmd = [PHP_BINARY, '-n'];
        // -n: no php.ini; load the extensions the way Debian's conf.d does,
        // then only the settings under test.
        foreach (['ffi' => 'extension', 'json' => null, 'opcache' => 'zend_extension'] as $ext => $kind) {
            if ($kind !== null && !extension_loaded($ext === 'opcache' ? 'Zend OPcache' : $ext)) {
                continue;
            }
            if ($kind !== null) {
                $cmd[] = '-d';
                $cmd[] = "$kind=$ext";
            }
        }
        foreach (['ffi.enable' => 'preload'] + $ini as $k => $v) {
            $cmd[] = '-d';
            $cmd[] = "$k=$v";
        }
        array_push($cmd, '-S', "127.0.0.1:$port", '-t', __DIR__ . '/www');
        $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'],
                                 2 => ['file', sys_get_temp_dir() . "/claims-php-s-$port.log", 'w']],
                          $pipes);
        for ($i = 0; $i < 100; $i++) {
            $c = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1);
            if ($c) {
                fclose($c);
                return [$proc, $port];
            }
            usleep(50000);
        }
        proc_terminate($proc);
        self::fail('php -S did not start: '
                   . @file_get_contents(sys_get_temp_dir() . "/claims-php-s-$port.log"));
    }

    private static function get(int $port, string $path): array
    {
        $body = @file_get_contents("http://127.0.0.1:$port$path",
            false, stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 30]]));
        self::assertIsString($body, "no answer from $path");
        $json = json_decode($body, true);
        self::assertIsArray($json, "not JSON from $path: $body");
        return $json;
    }

    private static function preloadIni(): array
    {
        $user = function_exists('posix_geteuid') ? posix_getpwuid(posix_geteuid())['name']
            : (getenv('USER') ?: 'root');
        return ['opcache.enable' => '1', 'opcache.preload' => dirname(__DIR__) . '/preload.php',
                'opcache.preload_user' => $user,
                'ffi.preload' => Claims\Library::headerPath()];
    }

    public function testPreloadedBindingServesFindings(): void
    {
        if (getenv('LIBCLAIMS_LIBRARY')) {
            $this->markTestSkipped('LIBCLAIMS_LIBRARY is set: the server test loads by soname');
        }
        [$proc, $port] = self::serve(self::preloadIni());
        try {
            $dir = self::root() . '/examples/drone-deal';
            $page = self::get($port, '/check.php?dir=' . rawurlencode($dir));
            $this->assertArrayNotHasKey('error', $page, $page['error'] ?? '');
            $this->assertTrue($page['preloaded']);
            $story = new Claims\Story(['fail_on' => 'none']);
            $story->addDirectory($dir);
            $story->check();
            $this->assertSame(json_decode(json_encode($story->findings()), true),
                              $page['findings']);
            $draft = self::get($port, '/check.php?' . http_build_query([
                'published' => "The fire destroyed 12 houses in 2019.\n",
                'draft' => "The fire destroyed 12 houses in 2018.\n"]));
            $this->assertArrayNotHasKey('error', $draft, $draft['error'] ?? '');
            $this->assertContains('draft', array_column($draft[0]['claims'] ?? [], 'article'));
        } finally {
            proc_terminate($proc);
            proc_close($proc);
            @unlink(sys_get_temp_dir() . "/claims-php-s-$port.log");
        }
    }

    public function testWithoutPreloadFfiIsRefused(): void
    {
        [$proc, $port] = self::serve([]);
        try {
            $page = self::get($port, '/cdef.php');
            $this->assertArrayHasKey('error', $page);
            $this->assertStringContainsString('ffi.enable', $page['error']);
        } finally {
            proc_terminate($proc);
            proc_close($proc);
            @unlink(sys_get_temp_dir() . "/claims-php-s-$port.log");
        }
    }
}
