//! Building polars DataFrames column by column from row structs.
use chrono::NaiveDate;
use polars::prelude::*;

pub struct FrameBuilder {
    height: usize,
    columns: Vec<Column>,
}

fn days_since_epoch(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
}

impl FrameBuilder {
    pub fn new(height: usize) -> Self {
        FrameBuilder {
            height,
            columns: Vec::new(),
        }
    }

    fn push(mut self, series: Series) -> Self {
        self.columns.push(series.into_column());
        self
    }

    pub fn str<'a>(self, name: &str, values: impl Iterator<Item = &'a str>) -> Self {
        let v: Vec<&str> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn opt_str<'a>(self, name: &str, values: impl Iterator<Item = Option<&'a str>>) -> Self {
        let v: Vec<Option<&str>> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn i64(self, name: &str, values: impl Iterator<Item = i64>) -> Self {
        let v: Vec<i64> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn opt_i64(self, name: &str, values: impl Iterator<Item = Option<i64>>) -> Self {
        let v: Vec<Option<i64>> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn opt_i32(self, name: &str, values: impl Iterator<Item = Option<i32>>) -> Self {
        let v: Vec<Option<i32>> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn opt_i8(self, name: &str, values: impl Iterator<Item = Option<i8>>) -> Self {
        let v: Vec<Option<i8>> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    /// A list[str] column from one list of strings per row (empty lists, never null).
    pub fn str_list<'a, S: AsRef<str> + 'a>(
        self,
        name: &str,
        rows: impl Iterator<Item = &'a [S]>,
    ) -> Self {
        let mut builder = ListStringChunkedBuilder::new(name.into(), self.height, self.height * 2);
        for row in rows {
            builder.append_values_iter(row.iter().map(AsRef::as_ref));
        }
        self.push(builder.finish().into_series())
    }

    /// Keeps a column of the input as it is.
    pub fn column(mut self, column: Column) -> Self {
        self.columns.push(column);
        self
    }

    pub fn opt_f64(self, name: &str, values: impl Iterator<Item = Option<f64>>) -> Self {
        let v: Vec<Option<f64>> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn bool(self, name: &str, values: impl Iterator<Item = bool>) -> Self {
        let v: Vec<bool> = values.collect();
        self.push(Series::new(name.into(), v))
    }

    pub fn date(self, name: &str, values: impl Iterator<Item = NaiveDate>) -> Self {
        let v: Vec<i32> = values.map(days_since_epoch).collect();
        self.push(Series::new(name.into(), v).into_date())
    }

    pub fn opt_date(self, name: &str, values: impl Iterator<Item = Option<NaiveDate>>) -> Self {
        let v: Vec<Option<i32>> = values.map(|d| d.map(days_since_epoch)).collect();
        self.push(Series::new(name.into(), v).into_date())
    }

    pub fn finish(self) -> PolarsResult<DataFrame> {
        DataFrame::new(self.height, self.columns)
    }
}
