# Varnish in front of nafta-tracker's gunicorn (Debian: apt-get install varnish varnish-modules).
#
# What it caches is what the app says it may (nafta_tracker/http_cache.py): anonymous GETs of
# pages and the API come with "Cache-Control: public, max-age=0, s-maxage=N,
# stale-while-revalidate=M" and a Surrogate-Key header naming what they show; everything
# else says "private" and is passed through. Publishing sends "PURGE /" with the kinds that
# changed in a Surrogate-Key header (DJANGO_HTTP_CACHE_PURGE_URLS); vmod xkey drops every
# response tagged with one of them.
#
# `make cache-serve` (and tests/ops/test_varnish.py) copy this file with the backend port
# and the purge ACL's address filled in: BACKEND_PORT below.
vcl 4.1;

import xkey;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "BACKEND_PORT";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the app servers. Loopback here; list the app servers' addresses in production.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "PURGE needs a Surrogate-Key header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never shared (the app says "private" there too; this saves a round trip).
    if (req.url ~ "^/(admin|i18n)/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Editors (a session), visitors with a message waiting, and token clients: live, personal answers.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anything else a browser sends in cookies (the CSRF cookie, the language cookie) does not
    # change a public answer: drop it so every reader shares one copy.
    unset req.http.Cookie;
    # Pages take their language from the URL (/fr/, /es/), so Accept-Language (on which Django
    # still varies the unprefixed English pages) would only split the cache. The API and the
    # sitemap do read it.
    if (req.url !~ "^/(api/|sitemap\.xml)") {
        unset req.http.Accept-Language;
    }
    return (hash);
}

sub vcl_backend_response {
    # Only what the app marked public is kept; a response without Cache-Control is not
    # cached for Varnish's default two minutes.
    if (beresp.http.Cache-Control !~ "(^|,)\s*public\s*(,|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    if (obj.hits > 0) {
        # The app's rate-limit counters describe the request that filled the cache, not this one.
        unset resp.http.RateLimit-Limit;
        unset resp.http.RateLimit-Remaining;
        unset resp.http.RateLimit-Reset;
        unset resp.http.RateLimit-Policy;
    }
}
