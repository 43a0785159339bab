<?php
/**
 * Router for PHP's built-in web server in scripts/wp-e2e.sh: serves Debian's WordPress from
 * /usr/share/wordpress and the test site's wp-content (WP_CONTENT_DIR, as Debian keeps it outside the
 * code, in /var/lib/wordpress/wp-content) under /wp-content/, as Debian's Apache configuration does.
 *
 * @package Postwacht
 */

$content = getenv( 'WP_E2E_CONTENT' );
$path    = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( $content && str_starts_with( $path, '/wp-content/' ) ) {
	$file = realpath( $content . substr( $path, strlen( '/wp-content' ) ) );
	// Symlinks (the plugin under test) may point outside; only .php is refused, as uploads must not run.
	if ( false === $file || ! is_file( $file ) || str_ends_with( $file, '.php' ) ) {
		http_response_code( 404 );
		return true;
	}
	$types = array(
		'js'    => 'application/javascript',
		'css'   => 'text/css',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'woff2' => 'font/woff2',
		'json'  => 'application/json',
	);
	header( 'Content-Type: ' . ( $types[ strtolower( pathinfo( $file, PATHINFO_EXTENSION ) ) ] ?? 'application/octet-stream' ) );
	readfile( $file );
	return true;
}

// Everything else as the built-in server does it: files and PHP scripts under the document root.
return false;
