//! Getting the real link out of mail-scanner and redirect wrappers.

use super::url::Url;

use super::registry::Wrap;
use super::shape::percent_decode;

/// The link a wrapper carries, decoded once, or `None` when it carries none
/// that can be read.
pub fn inner_link(wrap: Wrap, url: &Url) -> Option<String> {
    let inner = match wrap {
        Wrap::Query(keys) => query_value(url, keys),
        Wrap::Proofpoint if url.path().starts_with("/v2/") => {
            // v2 writes the link's own %-escapes as `-` and its slashes as `_`.
            raw_query_value(url, "u").map(|u| percent_decode(&u.replace('-', "%").replace('_', "/")))
        }
        Wrap::Proofpoint => query_value(url, &["u"]),
        Wrap::ProofpointV3 => {
            // `https://urldefense.com/v3/__<link>__;<token>`; a `*` stands for
            // characters encoded in the token, which is not worth decoding here.
            let text = url.as_str();
            let start = text.find("/v3/__")? + "/v3/__".len();
            let inner = text.get(start..)?;
            let end = inner.find("__;").unwrap_or(inner.len());
            Some(inner.get(..end)?.to_owned()).filter(|s| !s.contains('*'))
        }
    };
    inner.filter(|s| !crate::text::trim_ws(s).is_empty())
}

fn query_value(url: &Url, keys: &[&str]) -> Option<String> {
    url.query_pairs().find(|(k, _)| keys.contains(&k.as_ref())).map(|(_, v)| v.into_owned())
}

fn raw_query_value(url: &Url, key: &str) -> Option<String> {
    url.query()?.split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=').map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(wrap: Wrap, link: &str) -> Option<String> {
        inner_link(wrap, &Url::parse(link).ok()?)
    }

    #[test]
    fn unwraps() {
        assert_eq!(
            inner(
                Wrap::Query(&["url"]),
                "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdoxy.me%2Fdrsmith&data=x"
            )
            .as_deref(),
            Some("https://doxy.me/drsmith")
        );
        assert_eq!(
            inner(Wrap::Proofpoint, "https://urldefense.proofpoint.com/v2/url?u=https-3A__zoom.us_j_1234567890&d=DwMF")
                .as_deref(),
            Some("https://zoom.us/j/1234567890")
        );
        assert_eq!(
            inner(Wrap::ProofpointV3, "https://urldefense.com/v3/__https://doxy.me/drsmith__;!!abc").as_deref(),
            Some("https://doxy.me/drsmith")
        );
        assert_eq!(inner(Wrap::ProofpointV3, "https://urldefense.com/v3/__https://doxy.me/dr*smith__;JQ!!abc"), None);
        assert_eq!(inner(Wrap::Query(&["url"]), "https://nam12.safelinks.protection.outlook.com/?data=x"), None);
    }
}
