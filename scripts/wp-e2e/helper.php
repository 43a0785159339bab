<?php
/**
 * WordPress-side steps of scripts/wp-e2e.sh, run with PHP's CLI against the test site (Debian has no
 * wp-cli). Each command prints JSON on stdout.
 *
 *   WP_E2E_HOST=127.0.0.1:PORT php helper.php COMMAND [ARG ...]
 *
 * Commands:
 *   install TITLE ADMIN_PASSWORD          install WordPress, add the user "redactie" (editor)
 *   activate                              activate the plugin
 *   settings JSON                         save plugin settings through the plugin's own sanitizer
 *   option NAME VALUE                     set a WordPress option (e.g. WPLANG nl_NL)
 *   app-password USER                     a new application password for USER
 *   insert USER JSON                      wp_insert_post() as USER; prints the id
 *   publish USER ID                       wp_publish_post() as USER
 *   cron-publish ID                       what WordPress's cron does for a scheduled post that is due
 *   get ID                                status, title, content and what postwacht stored
 *   notices USER                          the admin notices queued for USER
 *   site-health                           the plugin's Site Health test
 *   hide-welcome USER                     no welcome guide in the block editor for USER
 *
 * @package Postwacht
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$host                    = getenv( 'WP_E2E_HOST' ) ?: '127.0.0.1';
$_SERVER['HTTP_HOST']    = $host;
$_SERVER['SERVER_NAME']  = preg_replace( '/:.*/', '', $host );
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_PORT']  = preg_match( '/:(\d+)$/', $host, $m ) ? $m[1] : '80';
$_SERVER['REQUEST_METHOD'] = 'GET';

$command = $argv[1] ?? '';
$args    = array_slice( $argv, 2 );

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';

/**
 * Prints a value as JSON and ends.
 *
 * @param mixed $value Anything JSON can hold.
 */
function e2e_out( $value ): void {
	echo wp_json_encode( $value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ), "\n";
	exit( 0 );
}

/**
 * Ends with a message on stderr.
 *
 * @param string $message What went wrong.
 */
function e2e_fail( string $message ): void {
	fwrite( STDERR, "helper.php: $message\n" );
	exit( 1 );
}

/**
 * Makes USER the current user.
 *
 * @param string $login User login.
 */
function e2e_as( string $login ): WP_User {
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		e2e_fail( "no user $login" );
	}
	wp_set_current_user( $user->ID );
	return $user;
}

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$result = wp_install( $args[0], 'admin', 'admin@example.org', false, '', $args[1] );
		wp_insert_user(
			array(
				'user_login' => 'redactie',
				'user_pass'  => $args[1],
				'user_email' => 'redactie@example.org',
				'role'       => 'editor',
			)
		);
		e2e_out( array( 'user_id' => $result['user_id'] ) );
		break;

	case 'activate':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$activated = activate_plugin( 'postwacht-prepublish/postwacht-prepublish.php' );
		if ( is_wp_error( $activated ) ) {
			e2e_fail( $activated->get_error_message() );
		}
		e2e_out( array( 'active' => is_plugin_active( 'postwacht-prepublish/postwacht-prepublish.php' ) ) );
		break;

	case 'settings':
		$input = json_decode( $args[0], true );
		update_option( Postwacht_Prepublish::OPTION, Postwacht_Admin::sanitize_settings( is_array( $input ) ? $input : array() ) );
		e2e_out( array_diff_key( Postwacht_Prepublish::settings(), array( 'token' => true ) ) );
		break;

	case 'option':
		update_option( $args[0], $args[1] );
		e2e_out( array( $args[0] => get_option( $args[0] ) ) );
		break;

	case 'app-password':
		$user            = e2e_as( $args[0] );
		list( $password ) = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'e2e ' . wp_generate_password( 6, false ) ) );
		e2e_out( array( 'password' => $password ) );
		break;

	case 'insert':
		e2e_as( $args[0] );
		$postarr = json_decode( $args[1], true );
		$id      = wp_insert_post( wp_slash( $postarr ), true );
		if ( is_wp_error( $id ) ) {
			e2e_fail( $id->get_error_message() );
		}
		e2e_out( array( 'id' => $id ) );
		break;

	case 'publish':
		e2e_as( $args[0] );
		wp_publish_post( (int) $args[1] );
		e2e_out( array( 'status' => get_post_status( (int) $args[1] ) ) );
		break;

	case 'cron-publish':
		// As WordPress's cron does when a scheduled post is due: the event publish_future_post.
		global $wpdb;
		$id   = (int) $args[0];
		$past = gmdate( 'Y-m-d H:i:s', time() - 60 );
		$wpdb->update( $wpdb->posts, array( 'post_date' => get_date_from_gmt( $past ), 'post_date_gmt' => $past ), array( 'ID' => $id ) );
		clean_post_cache( $id );
		wp_set_current_user( 0 );
		do_action( 'publish_future_post', $id );
		e2e_out( array( 'status' => get_post_status( $id ) ) );
		break;

	case 'get':
		$post = get_post( (int) $args[0] );
		if ( ! $post ) {
			e2e_fail( "no post {$args[0]}" );
		}
		e2e_out(
			array(
				'status'    => $post->post_status,
				'title'     => $post->post_title,
				'content'   => $post->post_content,
				'postwacht' => Postwacht_Prepublish::stored_result( $post->ID ),
			)
		);
		break;

	case 'notices':
		$user = get_user_by( 'login', $args[0] );
		e2e_out( get_transient( 'postwacht_notice_' . $user->ID ) ?: array() );
		break;

	case 'site-health':
		e2e_out( Postwacht_Admin::site_health_test() );
		break;

	case 'hide-welcome':
		global $wpdb;
		$user = get_user_by( 'login', $args[0] );
		update_user_meta(
			$user->ID,
			$wpdb->get_blog_prefix() . 'persisted_preferences',
			array(
				'core/edit-post' => array(
					'welcomeGuide'         => false,
					'isPublishSidebarEnabled' => true,
				),
				'_modified'      => gmdate( 'c' ),
			)
		);
		e2e_out( array( 'ok' => true ) );
		break;

	default:
		e2e_fail( "unknown command '$command'; see the comment at the top of this file" );
}
