//! Korean particles (조사) after names and numbers. A particle's form depends
//! on whether the word, as read aloud, ends in a consonant (받침): `브로커 1이`
//! (일), `파티션 2가` (이), `오프셋 10을` (십), `그룹 b를`. Digits are read in
//! Sino-Korean, Latin letters by their Korean names (엘, 엠, 엔, 알 end in a
//! consonant), so ids such as `p1`, `t1-0` or `billing` get the right form.

/// A particle with two forms: after a final consonant, and after a vowel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Particle {
    /// 이/가 (subject)
    I,
    /// 을/를 (object)
    Eul,
    /// 은/는 (topic)
    Eun,
    /// 과/와 (and, with)
    Gwa,
    /// 으로/로 (to, as): `로` also after ㄹ.
    Euro,
}

impl Particle {
    /// The form after a final consonant and the form after a vowel.
    fn forms(self) -> (&'static str, &'static str) {
        match self {
            Particle::I => ("이", "가"),
            Particle::Eul => ("을", "를"),
            Particle::Eun => ("은", "는"),
            Particle::Gwa => ("과", "와"),
            Particle::Euro => ("으로", "로"),
        }
    }

    /// Parses the particle as written in a template: either form of it.
    pub fn parse(s: &str) -> Option<Particle> {
        [Particle::I, Particle::Eul, Particle::Eun, Particle::Gwa, Particle::Euro]
            .into_iter()
            .find(|p| p.forms().0 == s || p.forms().1 == s)
    }
}

/// How a word ends when read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    Vowel,
    /// ㄹ: a consonant, but takes `로` rather than `으로`.
    Rieul,
    Consonant,
}

/// The particle that follows `word`: `particle("브로커 1", Particle::I)` is `이`.
pub fn particle(word: &str, p: Particle) -> &'static str {
    let (after_consonant, after_vowel) = p.forms();
    match ending(word) {
        Ending::Vowel => after_vowel,
        Ending::Rieul if p == Particle::Euro => after_vowel,
        Ending::Rieul | Ending::Consonant => after_consonant,
    }
}

/// `word` followed by its particle: `with("오프셋 10", Particle::Eul)` is `오프셋 10을`.
pub fn with(word: &str, p: Particle) -> String {
    format!("{word}{}", particle(word, p))
}

fn ending(word: &str) -> Ending {
    // Closing quotes, brackets and punctuation are not read aloud.
    let word = word.trim_end_matches(|c: char| "\"'`)]}»”’.".contains(c));
    let Some(last) = word.chars().last() else { return Ending::Vowel };
    if last.is_ascii_digit() {
        return number_ending(word);
    }
    match last {
        // A Hangul syllable: its final consonant (jongseong) index is 0 for none, 8 for ㄹ.
        '가'..='힣' => match (u32::from(last) - 0xAC00) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        },
        c if c.is_ascii_alphabetic() => latin_ending(word),
        _ => Ending::Vowel,
    }
}

/// Acronyms and short ids (`ISR`, `HW`, `p`) are read letter by letter, so the
/// last letter's Korean name decides (엘, 알: ㄹ; 엠, 엔: consonant; the rest
/// end in a vowel). Longer lower-case words are read as loanwords: `billing`
/// 빌링, `orders` 오더스, `consumer` 컨슈머, `shop` 숍.
fn latin_ending(word: &str) -> Ending {
    let letters: String = word.chars().rev().take_while(char::is_ascii_alphabetic).collect();
    // Capitals read as words, not spelled: Burrow's STOP (스톱) and ERR (에러).
    let read: String = letters.chars().rev().collect();
    match read.as_str() {
        "STOP" => return Ending::Consonant,
        "ERR" => return Ending::Vowel,
        _ => {}
    }
    let spelled = letters.len() <= 2 || letters.chars().all(|c| c.is_ascii_uppercase());
    let last = letters.chars().next().unwrap_or('a').to_ascii_lowercase();
    if spelled {
        return match last {
            'l' | 'r' => Ending::Rieul,
            'm' | 'n' => Ending::Consonant,
            _ => Ending::Vowel,
        };
    }
    match last {
        'l' => Ending::Rieul,
        'm' | 'n' | 'k' | 'p' | 'b' => Ending::Consonant,
        'g' if letters.starts_with("gn") => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// A number read in Sino-Korean ends in its last non-zero digit's sound
/// (일 ㄹ, 이, 삼 ㅁ, 사, 오, 육 ㄱ, 칠 ㄹ, 팔 ㄹ, 구), or in the unit its
/// trailing zeros make (십, 백, 천, 만, 억: all consonants); 0 is 영.
fn number_ending(word: &str) -> Ending {
    let digits: Vec<u8> =
        word.bytes().rev().take_while(u8::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    let zeros = digits.iter().rev().take_while(|d| **d == b'0').count();
    if zeros == digits.len() {
        return Ending::Consonant; // 영
    }
    if zeros > 0 {
        return Ending::Consonant;
    }
    match digits[digits.len() - 1] {
        b'1' | b'7' | b'8' => Ending::Rieul,
        b'3' | b'6' => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

#[cfg(test)]
mod tests {
    use super::Particle::*;
    use super::*;

    #[test]
    fn numbers_read_in_sino_korean() {
        assert_eq!(with("브로커 1", I), "브로커 1이"); // 일
        assert_eq!(with("파티션 2", I), "파티션 2가"); // 이
        assert_eq!(with("오프셋 3", Eul), "오프셋 3을"); // 삼
        assert_eq!(with("오프셋 4", Eul), "오프셋 4를"); // 사
        assert_eq!(with("오프셋 10", Eul), "오프셋 10을"); // 십
        assert_eq!(with("오프셋 100", Eun), "오프셋 100은"); // 백
        assert_eq!(with("오프셋 0", I), "오프셋 0이"); // 영
        assert_eq!(with("파티션 1", Euro), "파티션 1로"); // 일: ㄹ takes 로
        assert_eq!(with("파티션 3", Euro), "파티션 3으로"); // 삼
        assert_eq!(with("파티션 9", Euro), "파티션 9로"); // 구
        assert_eq!(with("파티션 6", Gwa), "파티션 6과"); // 육
        assert_eq!(with("파티션 5", Gwa), "파티션 5와"); // 오
    }

    #[test]
    fn hangul_words_by_their_final_consonant() {
        assert_eq!(with("리더", I), "리더가");
        assert_eq!(with("팔로워", Eul), "팔로워를");
        assert_eq!(with("컨슈머 랙", I), "컨슈머 랙이");
        assert_eq!(with("서울", Euro), "서울로");
        assert_eq!(with("\"서울\"", I), "\"서울\"이");
        assert_eq!(with("토픽", Euro), "토픽으로");
    }

    #[test]
    fn latin_ids_by_the_korean_names_of_their_letters() {
        assert_eq!(with("billing", I), "billing이"); // 빌링
        assert_eq!(with("p1", I), "p1이");
        assert_eq!(with("orders", I), "orders가"); // 오더스
        assert_eq!(with("consumer", Eul), "consumer를"); // 컨슈머
        assert_eq!(with("shop", I), "shop이"); // 숍
        assert_eq!(with("ISR", I), "ISR이"); // 알
        assert_eq!(with("ISR", Euro), "ISR로");
        assert_eq!(with("HW", I), "HW가");
        assert_eq!(with("t1-0", I), "t1-0이");
        // Burrow's statuses: STOP and ERR are read as words, the rest spelled or as words alike.
        assert_eq!(with("STOP", I), "STOP이");
        assert_eq!(with("ERR", I), "ERR가");
        assert_eq!(with("OK", I), "OK가");
        assert_eq!(with("WARN", I), "WARN이");
        assert_eq!(with("STALL", Euro), "STALL로");
        assert_eq!(with("REWIND", I), "REWIND가");
    }

    #[test]
    fn either_form_names_the_particle() {
        assert_eq!(Particle::parse("가"), Some(I));
        assert_eq!(Particle::parse("을"), Some(Eul));
        assert_eq!(Particle::parse("로"), Some(Euro));
        assert_eq!(Particle::parse("의"), None);
    }
}
