<?php
/**
 * Plugin Name:       postwacht pre-publish check
 * Description:       Checks posts with your own postwacht service before they go live: a post with an error stays a draft, warnings are shown in the editor.
 * Version:           0.2.0
 * Requires at least: 6.0
 * Requires PHP:      8.0
 * Author:            postwacht
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       postwacht
 *
 * @package Postwacht
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/class-postwacht-gates.php';
require_once __DIR__ . '/includes/class-postwacht-admin.php';

/**
 * The plugin's core: settings storage, talking to the service, masking and storing findings, and the
 * decision whether a post may go live. The gates (includes/class-postwacht-gates.php) call it from
 * every path that makes a post live; the admin screens (includes/class-postwacht-admin.php) show what
 * it stored.
 *
 * Privacy rules kept throughout: post text goes only to the configured postwacht service, it is never
 * logged (error_log gets HTTP status codes only), and findings stored in post meta have their matched
 * values masked.
 */
final class Postwacht_Prepublish {

	const VERSION       = '0.2.0';
	const OPTION        = 'postwacht_settings';
	const META_FINDINGS = '_postwacht_findings';
	const META_VERDICT  = '_postwacht_verdict';
	const META_NOTE     = '_postwacht_note';
	const ROLES         = array( 'staff', 'parent', 'pupil', 'school' );
	const LIVE_STATUSES = array( 'publish', 'future' );
	const MASK          = '•';
	/** What a policy-pack id looks like (the service says whether it knows it). */
	const POLICY_PATTERN = '/^[a-z0-9][a-z0-9._-]{0,63}$/';
	/** Service answers that mean the plugin is set up wrong, not that the service is down. */
	const MISCONFIGURED_STATUSES = array( 400, 401, 403, 404 );

	/**
	 * Texts (md5 of the plain text) a gate checked and let go live in this request, so the status
	 * transition gate does not check the same save again.
	 *
	 * @var array<string, true>
	 */
	private static array $checked_texts = array();

	/**
	 * Hooks everything up.
	 */
	public static function init(): void {
		Postwacht_Gates::init();
		Postwacht_Admin::init( __FILE__ );
		register_activation_hook( __FILE__, array( __CLASS__, 'activate' ) );
	}

	/**
	 * On activation: register the uninstall cleanup.
	 */
	public static function activate(): void {
		register_uninstall_hook( __FILE__, array( __CLASS__, 'uninstall' ) );
	}

	/**
	 * Removes the option and the stored findings.
	 */
	public static function uninstall(): void {
		delete_option( self::OPTION );
		delete_post_meta_by_key( self::META_FINDINGS );
		delete_post_meta_by_key( self::META_VERDICT );
		delete_post_meta_by_key( self::META_NOTE );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Settings
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Default settings. Fail closed: a school would rather hold a post for an hour than publish a curse
	 * because the service was restarting.
	 */
	public static function defaults(): array {
		return array(
			'url'       => 'http://127.0.0.1:8787',
			'token'     => '',
			'policy'    => '',
			'role'      => 'staff',
			'fail_mode' => 'closed',
			'timeout'   => 3,
		);
	}

	/**
	 * Current settings, with defaults filled in.
	 */
	public static function settings(): array {
		$saved = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $saved ) ? array_intersect_key( $saved, self::defaults() ) : array() );
	}

	/**
	 * Post types that are checked before they go live.
	 */
	public static function post_types(): array {
		/**
		 * Filters the post types postwacht checks before publishing.
		 *
		 * @param string[] $post_types Default array( 'post' ).
		 */
		return (array) apply_filters( 'postwacht_post_types', array( 'post' ) );
	}

	/**
	 * The language of the service's messages: the site's language (Settings → General), nl for every
	 * Dutch locale (nl_NL, nl_BE, nl_NL_formal), else en.
	 */
	public static function language(): string {
		return str_starts_with( get_locale(), 'nl' ) ? 'nl' : 'en';
	}

	/* ---------------------------------------------------------------------------------------------
	 * Talking to the service
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Headers for every request to the service.
	 */
	private static function request_headers(): array {
		$headers = array(
			'Content-Type' => 'application/json',
			'Accept'       => 'application/json',
		);
		$token   = self::settings()['token'];
		if ( '' !== $token ) {
			$headers['Authorization'] = 'Bearer ' . $token;
		}
		return $headers;
	}

	/**
	 * GET {url}{path}: the HTTP status (0 when unreachable) and the decoded JSON body (or null).
	 *
	 * @param string $path Path and query, e.g. /v1/policies.
	 */
	public static function service_get( string $path ): array {
		$settings = self::settings();
		$response = wp_remote_get(
			$settings['url'] . $path,
			array(
				'timeout'     => min( 3, (int) $settings['timeout'] ),
				'redirection' => 0,
				'headers'     => self::request_headers(),
			)
		);
		if ( is_wp_error( $response ) ) {
			return array( 0, null );
		}
		$body = json_decode( wp_remote_retrieve_body( $response ), true );
		return array( (int) wp_remote_retrieve_response_code( $response ), is_array( $body ) ? $body : null );
	}

	/**
	 * The packs the service knows, id => school, or null when it cannot be asked.
	 *
	 * @return array<string, string>|null
	 */
	public static function service_policies(): ?array {
		list( $code, $body ) = self::service_get( '/v1/policies' );
		if ( 200 !== $code || ! is_array( $body['policies'] ?? null ) ) {
			return null;
		}
		$packs = array();
		foreach ( $body['policies'] as $pack ) {
			if ( is_array( $pack ) && is_string( $pack['id'] ?? null ) ) {
				$packs[ $pack['id'] ] = (string) ( $pack['organisation'] ?? $pack['id'] );
			}
		}
		return $packs;
	}

	/**
	 * Whether the service answers with the saved URL, token and pack: for the settings page and Site
	 * Health. 'status' is good, recommended (works, but no pack chosen) or critical.
	 *
	 * @return array{status: string, message: string}
	 */
	public static function service_health(): array {
		$settings = self::settings();
		$path     = '/v1/rules' . ( '' !== $settings['policy'] ? '?policy=' . rawurlencode( $settings['policy'] ) : '' );
		list( $code, $body ) = self::service_get( $path );

		if ( 200 === $code ) {
			$rules = is_array( $body['rules'] ?? null ) ? count( $body['rules'] ) : 0;
			if ( '' === $settings['policy'] ) {
				return array(
					'status'  => 'recommended',
					/* translators: 1: service URL, 2: number of rules. */
					'message' => sprintf( __( 'Connected to %1$s (%2$d rules), but no policy pack is chosen: choose your school\'s pack, or findings cannot quote your own protocol.', 'postwacht' ), $settings['url'], $rules ),
				);
			}
			return array(
				'status'  => 'good',
				/* translators: 1: service URL, 2: number of rules, 3: policy pack id. */
				'message' => sprintf( _n( 'Connected to %1$s: %2$d rule active under the policy pack %3$s.', 'Connected to %1$s: %2$d rules active under the policy pack %3$s.', $rules, 'postwacht' ), $settings['url'], $rules, $settings['policy'] ),
			);
		}
		$upstream = (string) ( $body['error']['code'] ?? '' );
		if ( 401 === $code ) {
			$message = 'auth.invalid-token' === $upstream
				? __( 'The service refused the bearer token (HTTP 401): it is not the one in the file given to postwacht serve --token-file. Nothing can be published until this is fixed.', 'postwacht' )
				: __( 'The service needs a bearer token (HTTP 401): enter the token from the file given to postwacht serve --token-file. Nothing can be published until this is fixed.', 'postwacht' );
		} elseif ( 400 === $code ) {
			/* translators: %s: policy pack id. */
			$message = sprintf( __( 'The service does not know the policy pack "%s" (HTTP 400). Nothing can be published until this is fixed.', 'postwacht' ), $settings['policy'] );
		} elseif ( 0 === $code ) {
			/* translators: %s: service URL. */
			$message = sprintf( __( 'Cannot reach the postwacht service at %s. Is postwacht serve running?', 'postwacht' ), $settings['url'] );
		} else {
			/* translators: %d: HTTP status code. */
			$message = sprintf( __( 'The postwacht service answered HTTP %d.', 'postwacht' ), $code );
		}
		return array(
			'status'  => 'critical',
			'message' => $message,
		);
	}

	/**
	 * POST /v1/check. Returns the decoded answer (verdict, findings, …) or a WP_Error with code
	 * postwacht_unavailable when the service cannot be reached or does not answer 200.
	 *
	 * @param string     $text        Plain text of the post (ignored when $segments is given).
	 * @param array      $attachments Attachment descriptions, e.g. array( array( 'type' => 'image' ) ).
	 * @param array|null $segments    One array( 'id' => …, 'text' => … ) per editor block, or null.
	 * @return array|WP_Error
	 */
	public static function check( string $text, array $attachments = array(), ?array $segments = null ) {
		$empty = null === $segments ? '' === trim( $text ) : '' === trim( implode( '', array_column( $segments, 'text' ) ) );
		if ( $empty ) {
			return array(
				'verdict'  => 'ok',
				'findings' => array(),
			);
		}

		$settings = self::settings();
		$payload  = null === $segments ? array( 'text' => $text ) : array( 'segments' => array_values( $segments ) );
		$payload += array(
			'author_role' => $settings['role'],
			'channel'     => 'website',
			'lang'        => self::language(),
		);
		if ( '' !== $settings['policy'] ) {
			$payload['policy'] = $settings['policy'];
			$payload['org']    = $settings['policy'];
		}
		if ( $attachments ) {
			$payload['attachments'] = array_values( $attachments );
		}

		/**
		 * Filters the body sent to POST /v1/check (for example to set author_role per user).
		 *
		 * @param array $payload Request body.
		 */
		$payload = (array) apply_filters( 'postwacht_request', $payload );
		$body    = wp_json_encode( $payload );
		if ( false === $body ) {
			return self::unavailable( 0 );
		}

		$response = wp_remote_post(
			$settings['url'] . '/v1/check',
			array(
				'timeout'     => (int) $settings['timeout'],
				'redirection' => 0,
				'headers'     => self::request_headers(),
				'body'        => $body,
				'data_format' => 'body',
			)
		);
		if ( is_wp_error( $response ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- no post text, no matches.
			error_log( 'postwacht: service unreachable (no HTTP status)' );
			return self::unavailable( 0 );
		}

		$code   = (int) wp_remote_retrieve_response_code( $response );
		$answer = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( 200 !== $code || ! is_array( $answer ) || ! in_array( $answer['verdict'] ?? null, array( 'ok', 'warn', 'block' ), true ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- status code only.
			error_log( sprintf( 'postwacht: service answered HTTP %d', $code ) );
			$upstream = is_array( $answer ) && is_string( $answer['error']['code'] ?? null ) ? $answer['error']['code'] : '';
			return self::unavailable( $code, $upstream );
		}

		$answer['findings'] = is_array( $answer['findings'] ?? null ) ? array_values( array_filter( $answer['findings'], 'is_array' ) ) : array();
		// Findings contract 2 cites clauses by id, with each clause's text once in the answer's table;
		// the plugin stores and shows whole clauses, so each id is looked up there.
		$table = is_array( $answer['clauses'] ?? null ) ? $answer['clauses'] : array();
		foreach ( $answer['findings'] as &$finding ) {
			$resolved = array();
			foreach ( (array) ( $finding['clauses'] ?? array() ) as $clause ) {
				if ( is_string( $clause ) && is_array( $table[ $clause ] ?? null ) ) {
					$resolved[] = $table[ $clause ];
				} elseif ( is_array( $clause ) ) {
					$resolved[] = $clause;
				}
			}
			$finding['clauses'] = $resolved;
		}
		unset( $finding );
		if ( '' === $settings['policy'] ) {
			// Without the site's own pack the service quotes every school's protocol: none of them is this school's.
			foreach ( $answer['findings'] as &$finding ) {
				$finding['clauses'] = array();
			}
			unset( $finding );
		}
		return $answer;
	}

	/**
	 * The error for "no usable answer from the service". A 400/401/403/404 means the plugin is set up
	 * wrong (token, pack, URL): code postwacht_misconfigured, which holds posts in either fail mode.
	 *
	 * @param int    $http_status Status the service answered, 0 when it could not be reached.
	 * @param string $upstream    The service's error code (e.g. auth.invalid-token), if any.
	 */
	private static function unavailable( int $http_status, string $upstream = '' ): WP_Error {
		$data = array(
			'status'          => 503,
			'upstream_status' => $http_status,
			'fail_mode'       => self::settings()['fail_mode'],
		);
		if ( '' !== $upstream ) {
			$data['upstream_code'] = preg_replace( '/[^a-z0-9.\-]/', '', strtolower( $upstream ) );
		}
		if ( in_array( $http_status, self::MISCONFIGURED_STATUSES, true ) ) {
			return new WP_Error(
				'postwacht_misconfigured',
				sprintf(
					/* translators: 1: HTTP status, 2: the service's error code. */
					__( 'postwacht is not set up correctly: the service refused the check (HTTP %1$d %2$s). An administrator must fix Settings → postwacht (token, policy pack, URL).', 'postwacht' ),
					$http_status,
					$data['upstream_code'] ?? ''
				),
				$data
			);
		}
		return new WP_Error( 'postwacht_unavailable', __( 'The postwacht service could not check this post.', 'postwacht' ), $data );
	}

	/**
	 * Plain text of a post as the service should see it: tags stripped, entities decoded, and a line
	 * break between blocks, paragraphs and list items. (The block editor's panel sends one segment per
	 * block instead, which the service joins with the same blank line.)
	 *
	 * @param string $title   Post title.
	 * @param string $content Post content (block markup or classic HTML).
	 */
	public static function plain_text( string $title, string $content ): string {
		$html = $title . "\n\n" . $content;
		$html = preg_replace( '/<!--.*?-->/s', "\n", $html );
		$html = preg_replace( '#<br\s*/?>#i', "\n", $html );
		$html = preg_replace( '#</(?:p|div|h[1-6]|li|dt|dd|blockquote|figcaption|pre|tr|td|th|figure|ul|ol|table)\s*>#i', "$0\n", $html );
		$text = wp_strip_all_tags( (string) $html );
		$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text = preg_replace( "/[ \t]+\n/", "\n", $text );
		$text = preg_replace( "/\n{3,}/", "\n\n", $text );
		return trim( (string) $text );
	}

	/**
	 * The attachments to report: an image when the post has a featured image or image blocks, a video
	 * for video blocks. Mirrored by mediaKinds() in editor.js.
	 *
	 * @param string $content       Post content.
	 * @param bool   $has_thumbnail Whether the post has a featured image.
	 */
	public static function attachments( string $content, bool $has_thumbnail ): array {
		$attachments = array();
		if ( $has_thumbnail || preg_match( '/<img\b|<!--\s*wp:(?:image|gallery)\b/i', $content ) ) {
			$attachments[] = array( 'type' => 'image' );
		}
		if ( preg_match( '/<video\b|<!--\s*wp:video\b/i', $content ) ) {
			$attachments[] = array( 'type' => 'video' );
		}
		return $attachments;
	}

	/**
	 * Checks a post's title and content as the gates send them.
	 *
	 * @param string $title         Post title.
	 * @param string $content       Post content.
	 * @param bool   $has_thumbnail Whether the post has a featured image.
	 * @return array|WP_Error
	 */
	public static function check_post( string $title, string $content, bool $has_thumbnail ) {
		return self::check( self::plain_text( $title, $content ), self::attachments( $content, $has_thumbnail ) );
	}

	/**
	 * Remembers that this title and content were checked and may go live, for the rest of the request.
	 *
	 * @param string $title   Post title.
	 * @param string $content Post content.
	 */
	public static function remember_checked( string $title, string $content ): void {
		self::$checked_texts[ md5( self::plain_text( $title, $content ) ) ] = true;
	}

	/**
	 * Whether a gate already checked this title and content in this request.
	 *
	 * @param string $title   Post title.
	 * @param string $content Post content.
	 */
	public static function was_checked( string $title, string $content ): bool {
		return isset( self::$checked_texts[ md5( self::plain_text( $title, $content ) ) ] );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Masking and storing findings
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Replaces every letter and digit with •.
	 *
	 * @param string $value Matched text.
	 */
	public static function mask( string $value ): string {
		$masked = preg_replace( '/[\p{L}\p{N}]/u', self::MASK, $value );
		return null === $masked ? str_repeat( self::MASK, strlen( $value ) ) : $masked;
	}

	/**
	 * Findings fit for storing: matched values masked, also where a message quotes them; the
	 * normalized form and the fingerprint (an unsalted hash of it) are left out.
	 *
	 * @param array $findings Findings from the service.
	 */
	public static function mask_findings( array $findings ): array {
		$masked = array();
		foreach ( $findings as $finding ) {
			$needles = array_filter(
				array( (string) ( $finding['match'] ?? '' ), (string) ( $finding['normalized'] ?? '' ) ),
				static fn ( $needle ) => '' !== $needle
			);
			usort( $needles, static fn ( $a, $b ) => strlen( $b ) <=> strlen( $a ) );
			$hide = static function ( $text ) use ( $needles ) {
				$text = is_string( $text ) ? $text : '';
				foreach ( $needles as $needle ) {
					$text = str_replace( $needle, self::mask( $needle ), $text );
				}
				return $text;
			};

			$clauses = array();
			foreach ( (array) ( $finding['clauses'] ?? array() ) as $clause ) {
				$clauses[] = array_intersect_key( (array) $clause, array_flip( array( 'policy', 'organisation', 'section', 'number', 'quote' ) ) );
			}
			$match = self::mask( (string) ( $finding['match'] ?? '' ) );
			if ( mb_strlen( $match ) > 80 ) {
				$match = mb_substr( $match, 0, 80 ) . '…';
			}

			$entry = array(
				'rule'       => (string) ( $finding['rule'] ?? '' ),
				'category'   => (string) ( $finding['category'] ?? '' ),
				'severity'   => (string) ( $finding['severity'] ?? '' ),
				'message'    => $hide( $finding['message'] ?? '' ),
				'match'      => $match,
				'span'       => $finding['span'] ?? null,
				'line'       => (int) ( $finding['line'] ?? 0 ),
				'column'     => (int) ( $finding['column'] ?? 0 ),
				'clauses'    => $clauses,
				'suggestion' => $hide( $finding['suggestion'] ?? '' ),
			);
			if ( isset( $finding['segment'] ) ) {
				$entry['segment'] = (string) $finding['segment'];
			}
			$masked[] = $entry;
		}
		return $masked;
	}

	/**
	 * Stores the outcome of a check on a post: the verdict (ok, warn, block, or unchecked when the
	 * service could not check it), the masked findings, and a note saying what happened.
	 *
	 * @param int            $post_id Post ID.
	 * @param array|WP_Error $result  Result of check().
	 * @param string         $note    What happened to the post (masked; empty for none).
	 */
	public static function store_result( int $post_id, $result, string $note = '' ): void {
		if ( $post_id <= 0 ) {
			return;
		}
		$verdict  = is_wp_error( $result ) ? 'unchecked' : (string) $result['verdict'];
		$findings = is_wp_error( $result ) ? array() : self::mask_findings( $result['findings'] );
		update_post_meta( $post_id, self::META_VERDICT, $verdict );
		if ( $findings ) {
			$json = wp_json_encode( $findings, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
			update_post_meta( $post_id, self::META_FINDINGS, wp_slash( (string) $json ) );
		} else {
			delete_post_meta( $post_id, self::META_FINDINGS );
		}
		if ( '' !== $note ) {
			update_post_meta( $post_id, self::META_NOTE, wp_slash( $note ) );
		} else {
			delete_post_meta( $post_id, self::META_NOTE );
		}
	}

	/**
	 * What was stored for a post: verdict (null when it was never checked), masked findings, note.
	 *
	 * @param int $post_id Post ID.
	 * @return array{verdict: ?string, findings: array, note: string}
	 */
	public static function stored_result( int $post_id ): array {
		$verdict  = (string) get_post_meta( $post_id, self::META_VERDICT, true );
		$findings = json_decode( (string) get_post_meta( $post_id, self::META_FINDINGS, true ), true );
		return array(
			'verdict'  => '' === $verdict ? null : $verdict,
			'findings' => is_array( $findings ) ? $findings : array(),
			'note'     => (string) get_post_meta( $post_id, self::META_NOTE, true ),
		);
	}

	/**
	 * Decides whether a post may go live. Returns null when it may (ok, warn, or an unreachable
	 * service with fail mode "open"), else the WP_Error to report: postwacht_blocked (422),
	 * postwacht_unavailable (503, fail mode "closed") or postwacht_misconfigured (503, either mode: a
	 * wrong token or pack is no outage, and must not let everything through unchecked).
	 *
	 * @param array|WP_Error $result  Result of check().
	 * @param bool           $masked  Mask quoted matches in the message (for anything that is stored).
	 * @param string         $outcome 'draft' when the post is kept as draft, 'unchanged' when a live
	 *                                post keeps its published version.
	 */
	public static function hold_back( $result, bool $masked, string $outcome ): ?WP_Error {
		$what_happened = 'draft' === $outcome
			? __( 'The post was saved as a draft.', 'postwacht' )
			: __( 'The published version was not changed.', 'postwacht' );

		if ( is_wp_error( $result ) ) {
			$data = array_merge( (array) $result->get_error_data(), array( 'status' => 503 ) );
			if ( 'postwacht_misconfigured' === $result->get_error_code() ) {
				return new WP_Error( 'postwacht_misconfigured', $result->get_error_message() . ' ' . $what_happened, $data );
			}
			if ( 'closed' !== self::settings()['fail_mode'] ) {
				return null;
			}
			return new WP_Error(
				'postwacht_unavailable',
				__( 'The postwacht service could not check this post, so it cannot go live yet.', 'postwacht' ) . ' ' . $what_happened,
				$data
			);
		}
		if ( 'block' !== $result['verdict'] ) {
			return null;
		}

		// Errors first, so the message names what blocks the post.
		$findings = $result['findings'];
		usort( $findings, static fn ( $a, $b ) => ( 'error' === ( $b['severity'] ?? '' ) ) <=> ( 'error' === ( $a['severity'] ?? '' ) ) );
		$shown    = $masked ? self::mask_findings( array_slice( $findings, 0, 3 ) ) : array_slice( $findings, 0, 3 );
		$messages = array_map( static fn ( $f ) => (string) ( $f['message'] ?? $f['rule'] ?? '' ), $shown );
		$message  = sprintf(
			/* translators: %s: up to three finding messages separated by " · ". */
			__( 'postwacht: this post cannot go live: %s', 'postwacht' ),
			implode( ' · ', $messages )
		);
		$more = count( $findings ) - count( $shown );
		if ( $more > 0 ) {
			/* translators: %d: number of further findings. */
			$message .= ' ' . sprintf( _n( '(and %d more)', '(and %d more)', $more, 'postwacht' ), $more );
		}

		return new WP_Error(
			'postwacht_blocked',
			$message . '. ' . $what_happened,
			array(
				'status'   => 422,
				'verdict'  => 'block',
				'findings' => self::mask_findings( $result['findings'] ),
			)
		);
	}

	/**
	 * The note stored with a post that went live without a check (fail open).
	 */
	public static function unchecked_note(): string {
		return __( 'The postwacht service could not check this post, so it went live without a check.', 'postwacht' );
	}

	/* ---------------------------------------------------------------------------------------------
	 * Notices
	 * ------------------------------------------------------------------------------------------- */

	/**
	 * Queues an admin notice for a user (shown on their next admin page); the current user by default.
	 *
	 * @param string $type    error, warning, success or info.
	 * @param string $message Text (must not contain unmasked matches: it is stored briefly).
	 * @param int    $user_id User to tell; 0 for the current user.
	 */
	public static function add_notice( string $type, string $message, int $user_id = 0 ): void {
		$user_id = $user_id ? $user_id : get_current_user_id();
		if ( ! $user_id ) {
			return;
		}
		$key       = 'postwacht_notice_' . $user_id;
		$notices   = (array) get_transient( $key );
		$notices[] = array(
			'type'    => $type,
			'message' => $message,
		);
		set_transient( $key, array_values( array_filter( $notices ) ), DAY_IN_SECONDS );
	}

	/**
	 * Takes the current user's queued notices.
	 *
	 * @return array<int, array{type: string, message: string}>
	 */
	public static function take_notices(): array {
		$key     = 'postwacht_notice_' . get_current_user_id();
		$notices = get_transient( $key );
		if ( ! is_array( $notices ) ) {
			return array();
		}
		delete_transient( $key );
		return $notices;
	}
}

Postwacht_Prepublish::init();
