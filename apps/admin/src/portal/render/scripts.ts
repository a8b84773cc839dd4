/**
 * The portal's only script, inlined with a CSP nonce: copy buttons and the
 * reveal toggle of a freshly issued token. Pages work without it (the token is
 * selectable text), it only adds convenience.
 */
export const PORTAL_JS = `
(function(){
  var status=document.getElementById('live-status');
  function announce(text){if(status){status.textContent='';setTimeout(function(){status.textContent=text},20)}}
  document.addEventListener('click',function(event){
    var target=event.target instanceof Element?event.target.closest('button[data-copy],button[data-reveal]'):null;
    if(!target)return;
    if(target.hasAttribute('data-copy')){
      var source=document.getElementById(target.getAttribute('data-copy'));
      if(!source)return;
      var text=source.getAttribute('data-value')||source.textContent||'';
      var done=function(){var label=target.textContent;target.textContent='Copied';announce('Copied to the clipboard');setTimeout(function(){target.textContent=label},1500)};
      if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text).then(done,function(){select(source);done()})}else{select(source);document.execCommand&&document.execCommand('copy');done()}
    }else{
      var secret=document.getElementById(target.getAttribute('data-reveal'));
      if(!secret)return;
      var shown=target.getAttribute('aria-pressed')==='true';
      secret.textContent=shown?secret.getAttribute('data-masked'):secret.getAttribute('data-value');
      target.setAttribute('aria-pressed',shown?'false':'true');
      target.textContent=shown?'Reveal':'Hide';
    }
  });
  function select(node){var range=document.createRange();range.selectNodeContents(node);var selection=window.getSelection();if(selection){selection.removeAllRanges();selection.addRange(range)}}
})();
`;
