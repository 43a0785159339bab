/**
 * postwacht pre-publish panel for the block editor.
 *
 * No build step: plain ES2017 with wp.element.createElement. When the pre-publish panel opens, the
 * post's plain text goes to /wp-json/postwacht/v1/check (the plugin's proxy, which holds the token)
 * and the findings are listed. While the verdict is "block", saving is locked.
 *
 * The server-side gate in postwacht-prepublish.php is what enforces the verdict; this panel only
 * shows it early and keeps the Publish button disabled.
 */
( function ( wp, config ) {
	'use strict';

	const el = wp.element.createElement;
	const { useState, useEffect, useRef } = wp.element;
	const { __, _n, sprintf } = wp.i18n;
	const { useSelect } = wp.data;
	const { Notice, Button, Spinner } = wp.components;
	const PluginPrePublishPanel =
		( wp.editor && wp.editor.PluginPrePublishPanel ) || ( wp.editPost && wp.editPost.PluginPrePublishPanel );
	if ( ! PluginPrePublishPanel ) {
		return;
	}

	const LOCK = 'postwacht';
	const FAIL_MODE = ( config && config.failMode ) || 'open';
	const BLOCK_END = /<\/(?:p|div|h[1-6]|li|dt|dd|blockquote|figcaption|pre|tr|td|th|figure|ul|ol|table)\s*>/gi;

	/**
	 * Title + content as plain text, the same way the plugin's plain_text() does it: block comments
	 * and block-level ends become line breaks, tags go, entities are decoded.
	 */
	let cache = { title: null, html: null, text: '' };
	function plainText( title, html ) {
		if ( cache.title === title && cache.html === html ) {
			return cache.text;
		}
		const source = ( String( title || '' ) + '\n\n' + String( html || '' ) )
			.replace( /<!--[\s\S]*?-->/g, '\n' )
			.replace( /<br\s*\/?>/gi, '\n' )
			.replace( BLOCK_END, '$&\n' );
		// DOMParser builds an inert document: nothing in it runs or loads.
		const doc = new window.DOMParser().parseFromString( '<!DOCTYPE html><body>' + source, 'text/html' );
		doc.querySelectorAll( 'script, style' ).forEach( ( node ) => node.remove() );
		const text = ( doc.body.textContent || '' )
			.replace( /[ \t]+\n/g, '\n' )
			.replace( /\n{3,}/g, '\n\n' )
			.trim();
		cache = { title, html, text };
		return text;
	}

	/** "image" for a featured image or image blocks, "video" for video blocks (comma-separated). */
	function mediaKinds( html, featuredMedia ) {
		const kinds = [];
		if ( featuredMedia > 0 || /<img\b|<!--\s*wp:(?:image|gallery)\b/i.test( html ) ) {
			kinds.push( 'image' );
		}
		if ( /<video\b|<!--\s*wp:video\b/i.test( html ) ) {
			kinds.push( 'video' );
		}
		return kinds.join( ',' );
	}

	function isPublishSidebarOpen( select ) {
		const editor = select( 'core/editor' );
		if ( typeof editor.isPublishSidebarOpened === 'function' ) {
			return editor.isPublishSidebarOpened(); // WordPress 6.6+
		}
		const editPost = select( 'core/edit-post' );
		return !! ( editPost && editPost.isPublishSidebarOpened() );
	}

	function shorten( value, max ) {
		return value.length > max ? value.slice( 0, max ) + '…' : value;
	}

	const SEVERITY = {
		error: { label: __( 'Error', 'postwacht' ), background: '#cc1818', color: '#fff' },
		warning: { label: __( 'Warning', 'postwacht' ), background: '#f0b849', color: '#1e1e1e' },
		info: { label: __( 'Info', 'postwacht' ), background: '#dddddd', color: '#1e1e1e' },
	};

	function FindingItem( { finding, text } ) {
		const severity = SEVERITY[ finding.severity ] || SEVERITY.info;
		const clause = finding.clauses && finding.clauses.length ? finding.clauses[ 0 ] : null;
		// Post-level findings (missing disclaimer, photo outside the app) match the whole text.
		const wholePost = finding.utf16 && finding.utf16.start === 0 && finding.utf16.end >= text.length;
		const match = finding.match && ! wholePost ? shorten( finding.match, 80 ) : '';
		const source = clause ? [ clause.organisation, clause.section ].filter( Boolean ).join( ' — ' ) : '';

		return el(
			'li',
			{ style: { marginBottom: '12px' } },
			el(
				'div',
				null,
				el(
					'span',
					{
						className: 'postwacht-severity postwacht-severity-' + finding.severity,
						style: {
							background: severity.background,
							color: severity.color,
							borderRadius: '2px',
							padding: '0 4px',
							marginRight: '6px',
							fontSize: '11px',
							textTransform: 'uppercase',
						},
					},
					severity.label
				),
				el( 'strong', null, finding.message )
			),
			match ? el( 'div', null, __( 'Found:', 'postwacht' ) + ' ', el( 'code', null, match ) ) : null,
			source ? el( 'div', { style: { color: '#757575' } }, source ) : null,
			finding.suggestion ? el( 'div', { style: { fontStyle: 'italic' } }, finding.suggestion ) : null
		);
	}

	function VerdictNotice( { result } ) {
		const count = result.findings.length;
		const counted = sprintf( _n( '%d finding.', '%d findings.', count, 'postwacht' ), count );
		if ( result.verdict === 'block' ) {
			return el(
				Notice,
				{ status: 'error', isDismissible: false },
				__( 'This post cannot be published yet: fix the errors below. Publishing is locked until then.', 'postwacht' ) + ' ' + counted
			);
		}
		if ( result.verdict === 'warn' ) {
			return el(
				Notice,
				{ status: 'warning', isDismissible: false },
				__( 'Please look at the warnings below. You can still publish.', 'postwacht' ) + ' ' + counted
			);
		}
		return el( Notice, { status: 'success', isDismissible: false }, __( 'postwacht found no problems.', 'postwacht' ) );
	}

	function Results( { state, onRecheck } ) {
		if ( state.status === 'idle' ) {
			return el( 'p', null, el( Spinner ), __( 'Checking with postwacht…', 'postwacht' ) );
		}

		const again = el(
			Button,
			{ variant: 'secondary', isBusy: !! state.checking, disabled: !! state.checking, onClick: onRecheck },
			__( 'Check again', 'postwacht' )
		);

		if ( state.status === 'error' ) {
			let message = state.error && state.error.message ? state.error.message : __( 'The check failed.', 'postwacht' );
			let status = 'error';
			if ( state.error && state.error.code === 'postwacht_unavailable' ) {
				status = FAIL_MODE === 'closed' ? 'error' : 'warning';
				message =
					FAIL_MODE === 'closed'
						? __( 'The postwacht service could not check this post. It stays a draft until the service answers again.', 'postwacht' )
						: __( 'The postwacht service could not check this post. It can be published without a check.', 'postwacht' );
			}
			return el( 'div', null, el( Notice, { status, isDismissible: false }, message ), again );
		}

		const result = state.result;
		return el(
			'div',
			null,
			el( VerdictNotice, { result } ),
			result.findings.length
				? el(
						'ul',
						{ style: { marginTop: '12px' } },
						result.findings.map( ( finding, index ) =>
							el( FindingItem, { key: index, finding, text: state.text } )
						)
				  )
				: null,
			again
		);
	}

	function PostwachtPrePublish() {
		const post = useSelect( ( select ) => {
			const editor = select( 'core/editor' );
			if ( ! isPublishSidebarOpen( select ) || editor.isCurrentPostPublished() ) {
				return { active: false, text: '', media: '' };
			}
			const content = editor.getEditedPostContent();
			return {
				active: true,
				text: plainText( editor.getEditedPostAttribute( 'title' ), content ),
				media: mediaKinds( content, editor.getEditedPostAttribute( 'featured_media' ) ),
			};
		}, [] );

		const [ state, setState ] = useState( { status: 'idle' } );
		const [ round, setRound ] = useState( 0 );
		const latest = useRef( 0 );
		const lastRound = useRef( -1 );

		// Check when the panel opens, on "Check again", and (debounced) when the text changes meanwhile.
		useEffect( () => {
			if ( ! post.active ) {
				latest.current++; // answers still on their way are dropped
				lastRound.current = -1;
				setState( { status: 'idle' } );
				return undefined;
			}
			const delay = lastRound.current === round ? 800 : 0;
			lastRound.current = round;
			const request = ++latest.current;
			const text = post.text;
			const timer = window.setTimeout( () => {
				setState( ( previous ) => Object.assign( {}, previous, { checking: true } ) );
				wp.apiFetch( {
					path: '/postwacht/v1/check',
					method: 'POST',
					data: {
						text,
						attachments: post.media ? post.media.split( ',' ).map( ( type ) => ( { type } ) ) : [],
					},
				} )
					.then( ( result ) => {
						if ( request === latest.current ) {
							result.findings = Array.isArray( result.findings ) ? result.findings : [];
							setState( { status: 'done', result, text } );
						}
					} )
					.catch( ( error ) => {
						if ( request === latest.current ) {
							setState( { status: 'error', error } );
						}
					} );
			}, delay );
			return () => window.clearTimeout( timer );
		}, [ post.active, post.text, post.media, round ] );

		const verdict = state.status === 'done' ? state.result.verdict : null;
		const unavailable = state.status === 'error' && state.error && state.error.code === 'postwacht_unavailable';
		const locked = post.active && ( verdict === 'block' || ( unavailable && FAIL_MODE === 'closed' ) );

		// Lock while blocked; unlock on ok/warn and when the panel closes (the server gate still holds).
		useEffect( () => {
			const editor = wp.data.dispatch( 'core/editor' );
			if ( locked ) {
				editor.lockPostSaving( LOCK );
			} else {
				editor.unlockPostSaving( LOCK );
			}
		}, [ locked ] );
		useEffect( () => () => wp.data.dispatch( 'core/editor' ).unlockPostSaving( LOCK ), [] );

		return el(
			PluginPrePublishPanel,
			{ title: __( 'postwacht', 'postwacht' ), initialOpen: true, className: 'postwacht-prepublish' },
			el( Results, { state, onRecheck: () => setRound( ( value ) => value + 1 ) } )
		);
	}

	wp.plugins.registerPlugin( 'postwacht-prepublish', { render: PostwachtPrePublish } );
} )( window.wp, window.postwachtEditor );
