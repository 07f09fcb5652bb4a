// Starts Blazor from a file, not an inline script: the Content-Security-Policy runs scripts of this site only.
// Retry every second for ten minutes, so the page is back as soon as the server is (the default waits longer and longer).
Blazor.start({ circuit: { reconnectionOptions: { maxRetries: 600, retryIntervalMilliseconds: 1000 } } });

// The reconnect dialog's buttons (ReconnectModal.razor), wired here for the same reason instead of onclick attributes.
document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('[data-reconnect-action]') : null;
    if (button?.dataset.reconnectAction === 'retry') {
        Blazor.reconnect();
    } else if (button?.dataset.reconnectAction === 'reload') {
        location.reload();
    }
});
