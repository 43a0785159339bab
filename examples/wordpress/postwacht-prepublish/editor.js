/**
 * postwacht pre-publish panel for the block editor.
 *
 * No build step: plain ES2017 with wp.element.createElement. When the pre-publish panel opens, the
 * post goes to /wp-json/postwacht/v1/check (the plugin's proxy, which holds the token) as one segment
 * per block, the findings are listed, and the words each finding covers are marked in the blocks
 * themselves (CSS Custom Highlight API: nothing is added to the post's markup). While the verdict is
 * "block", saving is locked.
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
	const FAIL_MODE = ( config && config.failMode ) || 'closed';

	/** The text a block shows, as its element's textContent will be: markup gone, entities decoded. */
	function blockText( block ) {
		const content = ( block.attributes || {} ).content;
		let html;
		if ( typeof content === 'string' ) {
			html = content;
		} else if ( content && typeof content.toHTMLString === 'function' ) {
			html = content.toHTMLString(); // WordPress 6.5+: RichTextData
		} else {
			html = wp.blocks.getBlockContent( block );
		}
		const doc = new window.DOMParser().parseFromString( '<!DOCTYPE html><body>' + String( html || '' ), 'text/html' );
		doc.querySelectorAll( 'script, style' ).forEach( ( node ) => node.remove() );
		return doc.body.textContent || '';
	}

	/** Leaf blocks in document order (a group's or column's text is in its inner blocks). */
	function leafBlocks( blocks, out ) {
		for ( const block of blocks ) {
			if ( block.innerBlocks && block.innerBlocks.length ) {
				leafBlocks( block.innerBlocks, out );
			} else {
				out.push( block );
			}
		}
		return out;
	}

	/** One segment for the title and one per block with text: ids are "title" and block client ids. */
	function postSegments( title, blocks ) {
		const segments = [];
		if ( String( title || '' ).trim() ) {
			segments.push( { id: 'title', text: String( title ) } );
		}
		for ( const block of leafBlocks( blocks, [] ) ) {
			const text = blockText( block );
			if ( text.trim() ) {
				segments.push( { id: block.clientId, text } );
			}
		}
		return segments;
	}

	/* ---------------------------------------------------------------------------------------------
	 * Inline marks: the words of each finding, highlighted in the editor canvas
	 * ------------------------------------------------------------------------------------------- */

	const HIGHLIGHT_STYLE =
		'::highlight(postwacht-error){background-color:rgba(204,24,24,.18);text-decoration:underline wavy #cc1818;}' +
		'::highlight(postwacht-warning){background-color:rgba(240,184,73,.3);text-decoration:underline wavy #b26200;}';

	/** The documents blocks are drawn in: the editor page, and the canvas iframe where there is one. */
	function editorDocuments() {
		const docs = [ document ];
		document.querySelectorAll( 'iframe[name="editor-canvas"]' ).forEach( ( frame ) => {
			if ( frame.contentDocument ) {
				docs.push( frame.contentDocument );
			}
		} );
		return docs;
	}

	/** The element that shows a segment: the title field, or the block's element. */
	function segmentElement( id ) {
		for ( const doc of editorDocuments() ) {
			const found =
				id === 'title'
					? doc.querySelector( '.editor-post-title__input, .wp-block-post-title[contenteditable]' )
					: doc.querySelector( '[data-block="' + window.CSS.escape( id ) + '"]' );
			if ( found ) {
				return found;
			}
		}
		return null;
	}

	/** A DOM Range over UTF-16 offsets [start, end) of an element's text. */
	function rangeIn( element, start, end ) {
		const walker = element.ownerDocument.createTreeWalker( element, window.NodeFilter.SHOW_TEXT );
		const range = element.ownerDocument.createRange();
		let offset = 0;
		let started = false;
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			const length = node.nodeValue.length;
			if ( ! started && start <= offset + length ) {
				range.setStart( node, start - offset );
				started = true;
			}
			if ( started && end <= offset + length ) {
				range.setEnd( node, end - offset );
				return range;
			}
			offset += length;
		}
		return null;
	}

	/**
	 * Marks each finding's words in its block and returns the marked texts (for the panel's
	 * data-marked attribute). A block whose text changed since the check is left unmarked.
	 */
	function markFindings( findings, segments ) {
		const supported = window.CSS && window.CSS.highlights && typeof window.Highlight === 'function';
		const ranges = { error: [], warning: [] };
		const marked = [];
		const texts = {};
		segments.forEach( ( segment ) => ( texts[ segment.id ] = segment.text ) );
		for ( const finding of findings ) {
			const span = finding.utf16;
			if ( ! finding.segment || ! span || span.end <= span.start || texts[ finding.segment ] === undefined ) {
				continue; // post-level findings lie in no one block
			}
			const element = segmentElement( finding.segment );
			if ( ! element || element.textContent !== texts[ finding.segment ] ) {
				continue;
			}
			const range = rangeIn( element, span.start, span.end );
			if ( range ) {
				( finding.severity === 'error' ? ranges.error : ranges.warning ).push( range );
				marked.push( range.toString() );
			}
		}
		if ( supported ) {
			for ( const doc of editorDocuments() ) {
				if ( ! doc.getElementById( 'postwacht-highlight-style' ) ) {
					const style = doc.createElement( 'style' );
					style.id = 'postwacht-highlight-style';
					style.textContent = HIGHLIGHT_STYLE;
					doc.head.appendChild( style );
				}
			}
			window.CSS.highlights.set( 'postwacht-error', new window.Highlight( ...ranges.error ) );
			window.CSS.highlights.set( 'postwacht-warning', new window.Highlight( ...ranges.warning ) );
		}
		return marked;
	}

	function clearMarks() {
		if ( window.CSS && window.CSS.highlights ) {
			window.CSS.highlights.delete( 'postwacht-error' );
			window.CSS.highlights.delete( 'postwacht-warning' );
		}
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

	function FindingItem( { finding } ) {
		const severity = SEVERITY[ finding.severity ] || SEVERITY.info;
		const clause = finding.clauses && finding.clauses.length ? finding.clauses[ 0 ] : null;
		// Post-level findings (missing disclaimer, photo outside the app) have no segment and no match.
		const match = finding.match ? shorten( finding.match, 80 ) : '';
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
						{
							className: 'postwacht-findings',
							style: { marginTop: '12px' },
							'data-verdict': result.verdict,
							'data-marked': ( state.marked || [] ).join( ';' ),
						},
						result.findings.map( ( finding, index ) => el( FindingItem, { key: index, finding } ) )
				  )
				: null,
			state.marked && state.marked.length
				? el( 'p', { className: 'postwacht-marked-hint' }, __( 'The words are marked in the text.', 'postwacht' ) )
				: null,
			again
		);
	}

	function PostwachtPrePublish() {
		const post = useSelect( ( select ) => {
			const editor = select( 'core/editor' );
			// Every store is read on every run: some WordPress versions subscribe only to the stores the
			// first run read, and the first run is with the sidebar closed.
			const blocks = select( 'core/block-editor' ).getBlocks();
			const open = isPublishSidebarOpen( select );
			if ( ! open || editor.isCurrentPostPublished() ) {
				return { active: false, text: '', media: '' };
			}
			const content = editor.getEditedPostContent();
			const segments = postSegments( editor.getEditedPostAttribute( 'title' ), blocks );
			return {
				active: true,
				// One string that changes whenever a segment does: what the effect below depends on.
				text: JSON.stringify( segments ),
				segments,
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
				clearMarks();
				setState( { status: 'idle' } );
				return undefined;
			}
			const delay = lastRound.current === round ? 800 : 0;
			lastRound.current = round;
			const request = ++latest.current;
			const segments = post.segments;
			clearMarks(); // the text changed: old marks may cover other words now
			const timer = window.setTimeout( () => {
				setState( ( previous ) => Object.assign( {}, previous, { checking: true } ) );
				wp.apiFetch( {
					path: '/postwacht/v1/check',
					method: 'POST',
					data: {
						segments,
						attachments: post.media ? post.media.split( ',' ).map( ( type ) => ( { type } ) ) : [],
					},
				} )
					.then( ( result ) => {
						if ( request === latest.current ) {
							result.findings = Array.isArray( result.findings ) ? result.findings : [];
							setState( { status: 'done', result, marked: markFindings( result.findings, segments ) } );
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
		useEffect(
			() => () => {
				wp.data.dispatch( 'core/editor' ).unlockPostSaving( LOCK );
				clearMarks();
			},
			[]
		);

		return el(
			PluginPrePublishPanel,
			{ title: __( 'postwacht', 'postwacht' ), initialOpen: true, className: 'postwacht-prepublish' },
			el( Results, { state, onRecheck: () => setRound( ( value ) => value + 1 ) } )
		);
	}

	wp.plugins.registerPlugin( 'postwacht-prepublish', { render: PostwachtPrePublish } );
} )( window.wp, window.postwachtEditor );
